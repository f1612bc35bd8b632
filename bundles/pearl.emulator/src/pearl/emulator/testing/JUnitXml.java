package pearl.emulator.testing;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link TestReport} as JUnit XML, the format CI servers (Jenkins, GitLab, GitHub
 * actions' reporters) read: {@code <testsuites>} of one {@code <testsuite>} per suite file, each
 * {@code <testcase>} with a {@code <failure>} (an assertion) or {@code <error>} (an unexpected
 * error, a hang, a reboot); times in seconds of virtual time.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** Writes {@code report} to {@code out} as a whole XML document. */
    public static void write(TestReport report, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(String.format(Locale.ROOT, "<testsuites name=\"pearl test\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%s\">\n",
                report.tests(), report.failures(), report.errors(),
                seconds(report.suites().stream().mapToLong(SuiteResult::micros).sum())));
        for (SuiteResult suite : report.suites()) {
            writeSuite(suite, out);
        }
        out.write("</testsuites>\n");
        out.flush();
    }

    private static void writeSuite(SuiteResult suite, Writer out) throws IOException {
        out.write(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%s\">\n",
                escape(suite.file()), suite.tests().size(), suite.failures(), suite.errors(), seconds(suite.micros())));
        for (TestCase test : suite.tests()) {
            out.write(String.format(Locale.ROOT, "    <testcase name=\"%s\" classname=\"%s\" time=\"%s\"",
                    escape(test.name()), escape(className(suite.file())), seconds(test.micros())));
            if (test.passed()) {
                out.write("/>\n");
                continue;
            }
            String element = test.outcome() == TestCase.Outcome.FAILED ? "failure" : "error";
            String message = test.message() == null ? "" : test.message();
            out.write(">\n      <" + element + " message=\"" + escape(message) + "\" type=\""
                    + (element.equals("failure") ? "assertion" : "error") + "\">" + escape(message) + "</" + element + ">\n");
            out.write("    </testcase>\n");
        }
        out.write("    <system-out>" + escape(suite.output()) + "</system-out>\n");
        out.write("  </testsuite>\n");
    }

    /** {@code test/tmr_test.lua} as a class name, the dotted form CI servers group by. */
    static String className(String file) {
        String name = file.endsWith(".lua") ? file.substring(0, file.length() - 4) : file;
        return name.replace('/', '.');
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.6f", micros / 1e6);
    }

    /** Text for an attribute or element: markup escaped, and characters XML 1.0 cannot hold dropped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n', '\t' -> b.append(c);
                case '\r' -> b.append("&#13;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
