package pearl.emulator.testing;

import java.io.PrintStream;
import java.util.Locale;

/** Writes a {@link TestReport} for people: each suite, each test's verdict, and a total line. */
public final class TextReport {

    private TextReport() {
    }

    /** Writes {@code report} to {@code out}. */
    public static void write(TestReport report, PrintStream out) {
        for (SuiteResult suite : report.suites()) {
            out.println(suite.file());
            for (TestCase test : suite.tests()) {
                String verdict = switch (test.outcome()) {
                    case PASSED -> "ok   ";
                    case FAILED -> "FAIL ";
                    case ERROR -> "ERROR";
                };
                out.printf(Locale.ROOT, "  %s %s (%.3f s)%n", verdict, test.name(), test.micros() / 1e6);
                if (!test.passed() && test.message() != null) {
                    out.println("        " + test.message().replace("\n", "\n        "));
                }
            }
            out.printf(Locale.ROOT, "  %d passed, %d failed, %d errors in %.3f s of virtual time%s%n", suite.passed(),
                    suite.failures(), suite.errors(), suite.micros() / 1e6,
                    suite.abortReason() == null ? "" : " - " + suite.abortReason());
        }
        out.printf(Locale.ROOT, "%d suites, %d tests, %d failures, %d errors: %s%n", report.suites().size(), report.tests(),
                report.failures(), report.errors(), report.allPassed() ? "PASSED" : "FAILED");
        out.flush();
    }
}
