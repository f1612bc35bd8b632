package pearl.cli;

import java.io.PrintStream;

import pearl.device.repl.ReplUploader;

/** A one-line progress bar on stderr for transfers: {@code init.lua [#####-----] 52% 3.1 KB/s}. */
final class ProgressBar implements ReplUploader.Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final long start = System.nanoTime();
    private String shown = "";

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(String file, long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        String line = String.format("%-20s [%s%s] %3d%% %6.1f KB/s", file, "#".repeat(filled), "-".repeat(WIDTH - filled),
                total == 0 ? 100 : 100 * done / total, done / 1024.0 / seconds);
        if (!line.equals(shown)) {
            err.print("\r" + line);
            err.flush();
            shown = line;
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (!shown.isEmpty()) {
            err.println();
            shown = "";
        }
    }
}
