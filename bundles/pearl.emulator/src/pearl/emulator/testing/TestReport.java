package pearl.emulator.testing;

import java.util.List;

/** The results of a {@code pearl test} run: one {@link SuiteResult} per suite file, in the order run. */
public record TestReport(List<SuiteResult> suites) {

    /** Tests over all suites. */
    public long tests() {
        return suites.stream().mapToLong(s -> s.tests().size()).sum();
    }

    /** Failed tests over all suites. */
    public long failures() {
        return suites.stream().mapToLong(SuiteResult::failures).sum();
    }

    /** Tests in error over all suites. */
    public long errors() {
        return suites.stream().mapToLong(SuiteResult::errors).sum();
    }

    /** Whether every suite finished with every test passing (and there was a suite). */
    public boolean allPassed() {
        return !suites.isEmpty() && suites.stream().allMatch(SuiteResult::allPassed);
    }
}
