package io.trailwatch.detect.sigma;

/**
 * The outcome of one test case, or a rule without a positive case.
 *
 * @param file the rule file
 * @param rule the rule or correlation, by name if it has one, else by id
 * @param testCase the case's name; empty for {@link Status#MISSING}
 * @param expected "match" or "no match"; empty for {@link Status#MISSING}
 * @param got "match", "no match", or empty when the case could not be run
 * @param reason why the case failed, or what is missing; empty when it passed
 */
public record RuleTestResult(
        String file,
        String rule,
        String testCase,
        String expected,
        String got,
        Status status,
        String reason) {

    public enum Status {
        PASS,
        FAIL,
        /** The rule has no case that expects it to match. */
        MISSING
    }

    static RuleTestResult missing(String file, String rule) {
        return new RuleTestResult(
                file, rule, "", "", "", Status.MISSING, "no case expects it to match");
    }
}
