package pearl.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@code pearl} commands in this JVM as a user types them, keeping what they print. */
final class PearlCli {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code pearl args...} with empty input; returns its exit code. Safe from any thread. */
    int run(String... args) {
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Main(console, Main.defaultCommands()).run(List.of(args));
    }

    /** Standard output so far, bytes as the UART sent them. */
    String out() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Standard error so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed. */
    void reset() {
        out.reset();
        err.reset();
    }
}
