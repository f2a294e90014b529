package io.trailwatch.detect.sigma;

import io.trailwatch.model.Owner;
import java.util.List;

/**
 * One case of a rule file's tests: the records to decode, the ownership row they matched, and
 * whether the rule (or correlation) named must match them.
 *
 * @param rule the id or name of the rule or correlation, or {@code null} for the file's only one
 * @param owner the ownership row every record is given, {@link Owner#unowned()} unless the case
 *     says
 * @param line the line of the case in the tests file
 */
public record RuleTestCase(
        String name, String rule, boolean expectMatch, Owner owner, List<Input> records, int line) {

    /** What the records of a case are. */
    public enum Kind {
        CLOUDTRAIL,
        FLOW
    }

    /**
     * One record as the case gives it: a CloudTrail record's JSON text, or a flow log line with the
     * field names of its format ({@code null}: the default version 2 format).
     */
    public record Input(Kind kind, String text, String flowFormat, int line) {}

    /** "match" or "no match", as the tests file says it. */
    public String expected() {
        return expectMatch ? RuleTestFile.MATCH : RuleTestFile.NO_MATCH;
    }
}
