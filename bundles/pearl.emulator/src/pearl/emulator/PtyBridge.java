package pearl.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new pseudo-terminal whose other end is the emulated board's UART, made by {@code socat}
 * (Java cannot open one itself): serial tools open the printed {@code /dev/pts/N} as they would a
 * real board's port.
 */
public final class PtyBridge implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    private final String device;
    private final Path entry;
    private final Thread unlist;

    private PtyBridge(Process socat, String device, Path entry) {
        this.socat = socat;
        this.device = device;
        this.entry = entry;
        // a `pearl run --pty` ended by Ctrl+C or a signal leaves no entry behind either
        this.unlist = entry == null ? null : new Thread(() -> PtyDirectory.remove(entry), "pty unlist");
        if (unlist != null) {
            Runtime.getRuntime().addShutdownHook(unlist);
        }
    }

    /** Opens a raw pseudo-terminal; its bytes come and go through {@link #process()}'s streams. */
    public static PtyBridge open() throws IOException {
        return open("Pearl emulated board");
    }

    /**
     * The same, listed in the {@link PtyDirectory} as {@code label} while it is open, so that
     * other Pearl processes (the IDE) can offer it as a serial port.
     */
    public static PtyBridge open(String label) throws IOException {
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "stdio").start();
        } catch (IOException e) {
            throw new IOException("a pseudo-terminal needs socat (apt-get install socat): " + e.getMessage());
        }
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = log.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (log.readLine() != null) {
                            // socat's further log lines are not for the user
                        }
                    } catch (IOException e) {
                        // socat ended
                    }
                }, "socat log");
                drain.setDaemon(true);
                drain.start();
                String device = m.group(1);
                Path entry = null;
                try {
                    entry = PtyDirectory.add(device, label);
                } catch (IOException e) {
                    // not listed for other processes: the board itself works all the same
                }
                return new PtyBridge(socat, device, entry);
            }
        }
        throw new IOException("socat did not open a pseudo-terminal");
    }

    /** The terminal's path, e.g. {@code /dev/pts/3}. */
    public String device() {
        return device;
    }

    /** socat: its stdin reaches the terminal, its stdout is what the terminal's user wrote. */
    public Process process() {
        return socat;
    }

    @Override
    public void close() {
        if (entry != null) {
            PtyDirectory.remove(entry);
            try {
                Runtime.getRuntime().removeShutdownHook(unlist);
            } catch (IllegalStateException e) {
                // closing while the JVM shuts down: the hook runs anyway
            }
        }
        socat.destroy();
        try {
            socat.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
