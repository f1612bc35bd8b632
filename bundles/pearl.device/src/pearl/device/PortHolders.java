package pearl.device;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The other programs that have a serial port open, found through {@code /proc} (Linux). jssc's
 * exclusive lock only stops programs that open the port after it, and never stops root; a serial
 * monitor that opened the port first would silently share its bytes with an upload and garble
 * both. Elsewhere than Linux the list is empty and jssc's own check is all there is.
 */
public final class PortHolders {

    /** A program holding the port. */
    public record Holder(long pid, String command) {
        @Override
        public String toString() {
            return command + " (pid " + pid + ")";
        }
    }

    private PortHolders() {
    }

    /**
     * The processes other than this one that have {@code device} open. For a pseudo-terminal the
     * process that holds its master side (the emulated board's bridge) is its other end, not a rival,
     * and is left out.
     */
    public static List<Holder> of(Path device) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self/fd"))) {
            return List.of();
        }
        Path target;
        try {
            target = device.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        boolean pty = target.toString().startsWith("/dev/pts/");
        List<Holder> holders = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                List<Path> open = openFiles(process);
                if (open.contains(target) && !(pty && open.contains(Path.of("/dev/ptmx")))) {
                    holders.add(new Holder(pid, command(process)));
                }
            }
        } catch (IOException e) {
            return holders;
        }
        return holders;
    }

    private static List<Path> openFiles(Path process) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    files.add(Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // another user's process, or gone: not ours to see
        }
        return files;
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
