package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Correlations of correlations as they compile: the correlations they read stay silent unless a
 * reader generates, their group-by must be the read ones', and nesting goes two deep.
 */
class NestedCorrelationTest {
    private static final String BASE =
            "title: Key created\n"
                    + "id: 9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f01\n"
                    + "name: key-created\n"
                    + "logsource: {product: aws, service: cloudtrail}\n"
                    + "detection:\n"
                    + "  selection: {eventName: CreateAccessKey}\n"
                    + "  condition: selection\n"
                    + "---\n"
                    + "title: Keys by one caller\n"
                    + "id: 9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f02\n"
                    + "name: keys\n"
                    + "correlation:\n"
                    + "  type: event_count\n"
                    + "  rules: [key-created]\n"
                    + "  group-by: [userIdentity.arn]\n"
                    + "  timespan: 10m\n"
                    + "  condition: {gte: 3}\n";

    private static String outer(String id, String name, String reads, String groupBy, String more) {
        return "---\n"
                + "title: Outer "
                + name
                + "\n"
                + "id: "
                + id
                + "\n"
                + "name: "
                + name
                + "\n"
                + "correlation:\n"
                + "  type: event_count\n"
                + "  rules: ["
                + reads
                + "]\n"
                + "  group-by: ["
                + groupBy
                + "]\n"
                + "  timespan: 1h\n"
                + "  condition: {gte: 2}\n"
                + more;
    }

    private static SigmaRuleSet compile(String text) {
        return SigmaRuleSet.compile(List.of(new RuleFile("n.yml", text)), RuleRegistry.builtIn());
    }

    private static SigmaCorrelationRule named(SigmaRuleSet set, String name) {
        return set.correlations().rules().stream()
                .filter(r -> name.equals(r.name()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theReadCorrelationFeedsTheReaderAndStaysSilent() {
        SigmaRuleSet set =
                compile(
                        BASE
                                + outer(
                                        "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f03",
                                        "often",
                                        "keys",
                                        "userIdentity.arn",
                                        ""));

        assertThat(set.problems()).isEmpty();
        SigmaCorrelationRule keys = named(set, "keys");
        assertThat(keys.depth()).isEqualTo(1);
        assertThat(keys.correlation().silent()).isTrue();
        assertThat(keys.correlation().feeds())
                .singleElement()
                .satisfies(f -> assertThat(f.groupIndex()).containsExactly(0));
        assertThat(named(set, "often").depth()).isEqualTo(2);
    }

    @Test
    void withGenerateTheReadCorrelationAlertsToo() {
        SigmaRuleSet set =
                compile(
                        BASE
                                + outer(
                                        "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f03",
                                        "often",
                                        "keys",
                                        "caller",
                                        "  generate: true\n  aliases:\n    caller:\n      keys: userIdentity.arn\n"));

        assertThat(set.problems()).isEmpty();
        assertThat(named(set, "keys").correlation().silent()).isFalse();
    }

    @Test
    void aGroupByTheReadCorrelationDoesNotHaveIsAProblem() {
        SigmaRuleSet set =
                compile(
                        BASE
                                + outer(
                                        "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f03",
                                        "often",
                                        "keys",
                                        "sourceIPAddress",
                                        ""));

        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p.reason())
                                        .contains("keys does not group by sourceIPAddress"));
        assertThat(named(set, "keys").correlation().silent()).isFalse();
    }

    @Test
    void nestingGoesTwoDeep() {
        SigmaRuleSet set =
                compile(
                        BASE
                                + outer(
                                        "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f03",
                                        "often",
                                        "keys",
                                        "userIdentity.arn",
                                        "")
                                + outer(
                                        "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f04",
                                        "deeper",
                                        "often",
                                        "userIdentity.arn",
                                        ""));

        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.title()).isEqualTo("Outer deeper");
                            assertThat(p.reason()).contains("not two deep");
                        });
    }
}
