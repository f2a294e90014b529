package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot be loaded is a problem naming its line and reason; the other rules of the same
 * file still load.
 */
class SigmaRuleSetProblemsTest {
    private static final String GOOD_BEFORE = "11111111-1111-4111-8111-111111111111";
    private static final String GOOD_AFTER = "33333333-3333-4333-8333-333333333333";
    private static final String BAD = "22222222-2222-4222-8222-222222222222";

    private static String rule(String id, String title, String detection) {
        return (id == null ? "" : "id: " + id + "\n")
                + "title: "
                + title
                + "\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n"
                + detection
                + "level: low\n";
    }

    private static final String PLAIN =
            "  selection:\n    eventName: DeleteTrail\n  condition: selection\n";

    /**
     * Good rule, the bad one, good rule; the problem must be on the line holding {@code marker}.
     */
    private static void onlyTheBadRuleIsLeftOut(String bad, String marker, String... reason) {
        String text =
                rule(GOOD_BEFORE, "first", PLAIN)
                        + "---\n"
                        + bad
                        + "---\n"
                        + rule(GOOD_AFTER, "last", PLAIN);
        SigmaRuleSet set =
                SigmaRuleSet.compile(List.of(new RuleFile("r.yml", text)), RuleRegistry.builtIn());
        assertThat(set.rules())
                .extracting(r -> r.info().id())
                .containsExactly(GOOD_BEFORE, GOOD_AFTER);
        assertThat(set.problems()).hasSize(1);
        RuleProblem p = set.problems().get(0);
        assertThat(p.file()).isEqualTo("r.yml");
        int badStarts = text.indexOf("---\n") + 4;
        assertThat(p.line()).as("%s", p).isEqualTo(lineOf(text, badStarts, marker));
        assertThat(p.title()).isEqualTo("bad");
        assertThat(p.reason()).contains(reason);
    }

    /** The 1-based line of the first line at or after {@code from} holding {@code marker}. */
    private static int lineOf(String text, int from, String marker) {
        int at = text.indexOf(marker, from);
        assertThat(at).as("marker %s", marker).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void unknownModifier() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    eventName|frobnicate: x\n  condition: selection\n"),
                "frobnicate",
                "'frobnicate'",
                "not a Sigma modifier");
    }

    @Test
    void casedWithAModifierItMeansNothingForIsRefused() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    sourceIPAddress|cidr|cased: 10.0.0.0/8\n"
                                + "  condition: selection\n"),
                "cidr|cased",
                "cased does not go with cidr");
    }

    @Test
    void unsupportedModifierIsNamed() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    userAgent|windash: x\n  condition: selection\n"),
                "windash",
                "modifier 'windash'",
                "not supported");
    }

    @Test
    void undefinedIdentifierInCondition() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    eventName: A\n  condition: selection and nosuch\n"),
                "condition:",
                "'nosuch'",
                "does not define");
    }

    @Test
    void quantifierOverNoSelection() {
        onlyTheBadRuleIsLeftOut(
                rule(BAD, "bad", "  selection:\n    eventName: A\n  condition: 1 of nomatch*\n"),
                "condition:",
                "nomatch*",
                "matches no selection");
    }

    @Test
    void badRegex() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    eventName: A\n    userAgent|re: 'a(b'\n"
                                + "  condition: selection\n"),
                "userAgent|re",
                "not a valid regular expression");
    }

    @Test
    void badCidr() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    sourceIPAddress|cidr:\n      - 10.0.0.0/8\n"
                                + "      - 10.0.0.0/33\n  condition: selection\n"),
                "- 10.0.0.0/33",
                "'10.0.0.0/33' is not an IPv4 or IPv6 network");
    }

    @Test
    void missingId() {
        onlyTheBadRuleIsLeftOut(rule(null, "bad", PLAIN), "title: bad", "has no id");
    }

    @Test
    void duplicateId() {
        onlyTheBadRuleIsLeftOut(
                rule(GOOD_BEFORE, "bad", PLAIN).replace("id: ", "id:  "),
                "id:  " + GOOD_BEFORE,
                "id " + GOOD_BEFORE + " is taken by the rule at r.yml:1");
    }

    @Test
    void aggregationInCondition() {
        onlyTheBadRuleIsLeftOut(
                rule(
                        BAD,
                        "bad",
                        "  selection:\n    eventName: A\n  condition: selection | count() > 3\n"),
                "condition:",
                "aggregations");
    }

    @Test
    void aFileThatIsNotYamlIsOneProblemAndOtherFilesLoad() {
        SigmaRuleSet set =
                SigmaRuleSet.compile(
                        List.of(
                                new RuleFile("a.yml", rule(GOOD_BEFORE, "first", PLAIN)),
                                new RuleFile("b.yml", "title: x\ndetection: [a\n"),
                                new RuleFile("c.yml", rule(GOOD_AFTER, "last", PLAIN))),
                        RuleRegistry.builtIn());
        assertThat(set.rules())
                .extracting(r -> r.info().id())
                .containsExactly(GOOD_BEFORE, GOOD_AFTER);
        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.file()).isEqualTo("b.yml");
                            assertThat(p.line()).isPositive();
                            assertThat(p.reason()).startsWith("not valid YAML");
                        });
    }
}
