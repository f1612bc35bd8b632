package pearl.emulator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The pseudo-terminals Pearl's emulated boards are on, across processes: one small file each in a
 * folder ({@code ~/.pearl/ptys}, or the system property {@code pearl.ptys}), so that the IDE can
 * offer a board that {@code pearl run --pty} started in a terminal as a serial port. An entry
 * whose process has ended is skipped and removed.
 */
public final class PtyDirectory {

    /** One board's terminal: its device, the process that serves it, and what it is. */
    public record Entry(String device, long pid, String label) {
    }

    private PtyDirectory() {
    }

    /** The folder the entries are in. */
    public static Path folder() {
        String configured = System.getProperty("pearl.ptys");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".pearl", "ptys");
    }

    /**
     * Records that this process serves a board on {@code device}.
     *
     * @return the entry's file, for {@link #remove}
     */
    static Path add(String device, String label) throws IOException {
        Path folder = Files.createDirectories(folder());
        long pid = ProcessHandle.current().pid();
        Path file = folder.resolve(pid + "-" + device.replaceAll("[^A-Za-z0-9]+", "-") + ".properties");
        Properties p = new Properties();
        p.setProperty("device", device);
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("label", label);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "a Pearl emulated board's UART");
        }
        return file;
    }

    /** Forgets an entry {@link #add} made. */
    static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next reader drops it once its process is gone
        }
    }

    /** The boards on terminals now, by device. */
    public static List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.properties")) {
            for (Path file : files) {
                Entry entry = read(file);
                if (entry == null || !alive(entry.pid()) || !Files.exists(Path.of(entry.device()))) {
                    remove(file);
                    continue;
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            // an unreadable folder offers no boards
        }
        entries.sort(Comparator.comparing(Entry::device));
        return entries;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Entry read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return new Entry(p.getProperty("device"), Long.parseLong(p.getProperty("pid")), p.getProperty("label", ""));
        } catch (IOException | RuntimeException e) {
            return null; // half written or not ours
        }
    }
}
