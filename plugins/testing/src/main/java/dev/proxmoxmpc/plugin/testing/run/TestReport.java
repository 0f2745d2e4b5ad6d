package dev.proxmoxmpc.plugin.testing.run;

import java.util.List;

/**
 * What a /test run found: the JSON document of {@code /test --json}.
 *
 * @param phase    {@code plan} or {@code live}
 * @param results  one per check, in file order
 * @param passed   checks that passed
 * @param failed   error-severity checks that failed
 * @param skipped  checks that could not run
 * @param warnings warning-severity checks that failed
 */
public record TestReport(String phase, List<Result> results, long passed, long failed, long skipped, long warnings) {
    public TestReport {
        results = List.copyOf(results);
    }

    public static TestReport of(Phase phase, List<Result> results) {
        return new TestReport(phase.word(), results, results.stream().filter(Result::passed).count(),
                results.stream().filter(Result::failed).count(), results.stream().filter(Result::skipped).count(),
                results.stream().filter(Result::warned).count());
    }

    /** @return {@code 12 passed, 0 failed, 3 skipped}. */
    public String summary() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
