package pearl.emulator.testing;

import java.io.PrintStream;

/**
 * Writes a {@link TestReport} in the Test Anything Protocol (version 13): one plan over every test
 * of every suite, {@code ok N - suite: test} or {@code not ok N - ...} with the reason in a YAML
 * block, so TAP consumers (prove, tap-junit, CI plugins) read it.
 */
public final class Tap {

    private Tap() {
    }

    /** Writes {@code report} to {@code out}. */
    public static void write(TestReport report, PrintStream out) {
        out.println("TAP version 13");
        out.println("1.." + report.tests());
        int n = 0;
        for (SuiteResult suite : report.suites()) {
            out.println("# " + suite.file());
            for (TestCase test : suite.tests()) {
                n++;
                out.println((test.passed() ? "ok " : "not ok ") + n + " - " + suite.file() + ": " + oneLine(test.name()));
                if (!test.passed()) {
                    out.println("  ---");
                    out.println("  outcome: " + (test.outcome() == TestCase.Outcome.FAILED ? "failure" : "error"));
                    out.println("  message: " + quoted(test.message()));
                    out.println("  ...");
                }
            }
        }
        out.flush();
    }

    private static String oneLine(String text) {
        // '#' would start a TAP directive in a description
        return text.replace('\n', ' ').replace("#", "\\#");
    }

    private static String quoted(String text) {
        if (text == null) {
            return "''";
        }
        return "'" + text.replace("'", "''").replace("\n", " ") + "'";
    }
}
