package pearl.cli;

import java.util.List;
import java.util.regex.PatternSyntaxException;

import pearl.emulator.Durations;
import pearl.emulator.OutputExpectations;

/**
 * {@code pearl run}'s options for CI: {@code --expect-text T}, {@code --fail-text T},
 * {@code --expect-regex R}, {@code --fail-regex R} (the first to appear on the UART ends the run)
 * and {@code --timeout DURATION} (virtual time; reaching it is an exit of its own).
 */
final class ExpectationOptions {

    static final String USAGE = """
              --expect-text T   end the run, exit 0, when the UART prints T (repeatable)
              --fail-text T     end the run, exit 1, when the UART prints T (repeatable)
              --expect-regex R  as --expect-text, for a Java regular expression (^ $ per line)
              --fail-regex R    as --fail-text, for a regular expression
              --timeout DURATION  give up after this much virtual time: exit 4
            """;

    final OutputExpectations expectations = new OutputExpectations();
    /** Virtual microseconds before giving up, or -1 for none. */
    long timeoutMicros = -1;

    /** Takes the expectation options out of {@code args}, leaving the rest. */
    static ExpectationOptions extract(List<String> args) throws UsageException {
        ExpectationOptions o = new ExpectationOptions();
        for (int i = 0; i < args.size();) {
            String arg = args.get(i);
            String option = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!List.of("--expect-text", "--fail-text", "--expect-regex", "--fail-regex", "--timeout").contains(option)) {
                i++;
                continue;
            }
            args.remove(i);
            if (value == null) {
                if (i >= args.size()) {
                    throw new UsageException(option + " needs a value");
                }
                value = args.remove(i);
            }
            try {
                switch (option) {
                    case "--expect-text" -> o.expectations.expectText(value);
                    case "--fail-text" -> o.expectations.failText(value);
                    case "--expect-regex" -> o.expectations.expectRegex(value);
                    case "--fail-regex" -> o.expectations.failRegex(value);
                    default -> o.timeoutMicros = Durations.micros(option, value);
                }
            } catch (PatternSyntaxException e) {
                throw new UsageException(option + ": not a regular expression: " + e.getDescription() + " in '" + value + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return o;
    }
}
