package pearl.emulator.testing;

import java.util.List;

/**
 * What one suite file did on its board.
 *
 * @param file        the suite's path in the project ({@code test/tmr_test.lua})
 * @param tests       its tests in the order they ran; a suite that hung, rebooted or ran out of
 *                    heap ends with an {@link TestCase.Outcome#ERROR} case saying so
 * @param abortReason why the suite did not finish (hang, reboot, out of heap, load error), or null
 * @param micros      the virtual time the suite ran
 * @param output      what the board printed on its UART
 */
public record SuiteResult(String file, List<TestCase> tests, String abortReason, long micros, String output) {

    /** Tests that passed. */
    public long passed() {
        return tests.stream().filter(TestCase::passed).count();
    }

    /** Tests whose assertion failed. */
    public long failures() {
        return tests.stream().filter(t -> t.outcome() == TestCase.Outcome.FAILED).count();
    }

    /** Tests that ended in an error (including the case that names why the suite aborted). */
    public long errors() {
        return tests.stream().filter(t -> t.outcome() == TestCase.Outcome.ERROR).count();
    }

    /** Whether the suite finished and all its tests passed. */
    public boolean allPassed() {
        return abortReason == null && failures() == 0 && errors() == 0;
    }
}
