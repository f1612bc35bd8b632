package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl run} in CI: expected and failing output end the run, and --timeout. */
class RunExpectationsTest {

    @TempDir
    Path project;

    private final PearlCli cli = new PearlCli();

    /** Prints "tick N" every second; at the fifth tick "sensor ok", at the eighth "sensor FAULT 17". */
    @BeforeEach
    void project() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                local n = 0
                tmr.create():alarm(1000, tmr.ALARM_AUTO, function()
                  n = n + 1
                  uart.write(0, "tick ")
                  print(n)
                  if n == 5 then print("sensor ok") end
                  if n == 8 then print("sensor FAULT 17") end
                end)
                """);
    }

    private int pearl(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = project.toString();
        return cli.run(all);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void theExpectedTextEndsTheRunWithSuccessAtOnce() {
        assertEquals(0, pearl("--for", "1h", "--expect-text", "sensor ok", "--fail-text", "FAULT"));
        assertTrue(out().contains("sensor ok"));
        assertFalse(out().contains("tick 6"), "nothing runs after the match: " + out());
        assertTrue(err().contains("passed: expected text 'sensor ok' at 5.0"), err());
    }

    @Test
    void aFailingTextFirstFailsTheRun() {
        assertEquals(1, pearl("--for", "1h", "--fail-text", "tick 3", "--expect-text", "sensor ok"));
        assertTrue(err().contains("failed: failing text 'tick 3' at 3.0"), err());
    }

    @Test
    void aPatternMatchesAcrossSeparateWritesOfALine() {
        assertEquals(1, pearl("--for", "1h", "--fail-regex", "FAULT (\\d+)$", "--expect-regex", "^tick 9\\r?$"));
        assertTrue(err().contains("failed: failing pattern /FAULT (\\d+)$/ at 8.0"), err());
        assertEquals(0, pearl("--for", "1h", "--expect-regex", "^tick 2\\r?$"));
    }

    @Test
    void reachingTheTimeoutIsItsOwnExitCode() {
        assertEquals(RunCommand.TIMEOUT, pearl("--timeout", "4s", "--expect-text", "sensor ok"));
        assertTrue(err().contains("timeout"), err());
        assertFalse(out().contains("tick 5"));
    }

    @Test
    void anExpectedTextThatNeverAppearsFailsWhenTheRunEnds() {
        assertEquals(1, pearl("--for", "3s", "--expect-text", "sensor ok"));
        assertTrue(err().contains("did not appear in 3.0 s"), err());
    }

    @Test
    void onlyFailingTextsThatNeverAppearPass() {
        assertEquals(0, pearl("--for", "6s", "--fail-text", "FAULT"));
    }

    @Test
    void aMalformedPatternIsAUsageError() {
        assertEquals(Main.USAGE, pearl("--expect-regex", "tick (", "--for", "1s"));
        assertTrue(err().contains("--expect-regex: not a regular expression"), err());
    }
}
