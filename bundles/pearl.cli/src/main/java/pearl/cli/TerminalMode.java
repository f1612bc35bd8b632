package pearl.cli;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Puts the user's terminal into character mode while {@code pearl repl} talks to a board, as a
 * serial console does: each key goes to the board at once and the board's echo is what shows
 * (in line mode the terminal would echo every line a second time). Restored on close and at exit.
 */
final class TerminalMode implements AutoCloseable {

    private static final File TTY = new File("/dev/tty");

    private final String saved;
    private final Thread restoreAtExit;

    private TerminalMode(String saved) {
        this.saved = saved;
        this.restoreAtExit = new Thread(this::restore, "pearl terminal restore");
        Runtime.getRuntime().addShutdownHook(restoreAtExit);
    }

    /** Character mode on the process's terminal, or null when stdin is no terminal. */
    static TerminalMode characterMode() {
        if (System.console() == null || !TTY.canRead()) {
            return null;
        }
        try {
            String saved = stty("-g").trim();
            stty("-icanon", "-echo", "min", "1");
            return new TerminalMode(saved);
        } catch (IOException e) {
            return null;
        }
    }

    private static String stty(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectInput(TTY).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("stty " + String.join(" ", args) + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return out;
    }

    private void restore() {
        try {
            stty(saved);
        } catch (IOException e) {
            // the terminal is gone: nothing to restore
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreAtExit);
        } catch (IllegalStateException e) {
            // already exiting: the hook restores
        }
    }
}
