package pearl.emulator.testing;

/**
 * One test of a suite as it ended.
 *
 * @param name    the name the suite gave it ({@code N.test(name, ...)})
 * @param outcome passed, failed (an assertion) or error (an unexpected error, a hang, a reboot)
 * @param message why it did not pass (the assertion's message and reason), or null
 * @param micros  the virtual time it took
 */
public record TestCase(String name, Outcome outcome, String message, long micros) {

    /** How a test ended. */
    public enum Outcome {
        /** Every assertion held. */
        PASSED,
        /** An assertion ({@code ok}, {@code nok}, {@code fail}) did not hold. */
        FAILED,
        /** An unexpected error, or the suite hung, rebooted or ran out of heap while it ran. */
        ERROR
    }

    /** Whether the test passed. */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
