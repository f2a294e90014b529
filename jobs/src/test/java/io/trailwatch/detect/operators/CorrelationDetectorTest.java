package io.trailwatch.detect.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.sigma.CorrelationDetectorRules;
import io.trailwatch.detect.sigma.CorrelationInputs;
import io.trailwatch.detect.sigma.SigmaCorrelationRule;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The one threshold detector of every correlation of the rule files, on Flink's keyed harness: the
 * matches of real CloudTrail records, keyed by correlation and group, give each correlation its own
 * alerts; a condition bounded from above is judged when its timespan closes; the alerts are the
 * same whatever order the matches arrive in.
 */
class CorrelationDetectorTest {
    private static final String RULES =
            "title: Access key created\n"
                    + "id: 7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d01\n"
                    + "name: key-created\n"
                    + "logsource: {product: aws, service: cloudtrail}\n"
                    + "detection:\n"
                    + "  selection: {eventSource: iam.amazonaws.com, eventName: CreateAccessKey}\n"
                    + "  condition: selection\n"
                    + "---\n"
                    + "title: Three keys or more by one caller\n"
                    + "id: 7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d02\n"
                    + "correlation:\n"
                    + "  type: event_count\n"
                    + "  rules: [key-created]\n"
                    + "  group-by: [userIdentity.userName]\n"
                    + "  timespan: 10m\n"
                    + "  condition: {gte: 3}\n"
                    + "level: high\n"
                    + "---\n"
                    + "title: Fewer than three keys by one caller in the hour\n"
                    + "id: 7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d03\n"
                    + "correlation:\n"
                    + "  type: event_count\n"
                    + "  rules: [key-created]\n"
                    + "  group-by: [userIdentity.userName]\n"
                    + "  timespan: 1h\n"
                    + "  condition: {lt: 3}\n"
                    + "level: low\n";

    private static final String AT_LEAST = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d02";
    private static final String FEWER = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d03";

    @Test
    void eachCorrelationAlertsOnItsOwnGroups() throws Exception {
        List<Alert> alerts = runSignals(matches());

        assertThat(alerts)
                .extracting(a -> a.ruleId + " " + a.title)
                .containsExactlyInAnyOrder(
                        AT_LEAST + " Three keys or more by one caller: dev-ana",
                        FEWER + " Fewer than three keys by one caller in the hour: dev-ben");
        Alert fewer = alerts.stream().filter(a -> a.ruleId.equals(FEWER)).findFirst().orElseThrow();
        assertThat(fewer.evidence.count).isEqualTo(2);
        assertThat(fewer.evidence.fields)
                .anySatisfy(
                        f ->
                                assertThat(f.value)
                                        .isEqualTo("event_count < 3 in the timespan of 1h"));
    }

    @Test
    void theSameAlertsWhateverOrderTheMatchesArriveIn() throws Exception {
        List<String> inOrder = ids(runSignals(matches()));
        for (int seed = 0; seed < 5; seed++) {
            List<Signal> shuffled = new ArrayList<>(matches());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(ids(runSignals(shuffled))).as("seed %d", seed).isEqualTo(inOrder);
        }
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.alertId).sorted().toList();
    }

    /** dev-ana creates three keys in four minutes; dev-ben two in the hour. */
    private static List<Signal> matches() {
        SigmaRuleSet set = set();
        CorrelationInputs inputs = set.correlations().inputs(Set.of());
        List<Signal> out = new ArrayList<>();
        String[][] calls = {
            {"dev-ana", "2026-11-20T10:01:00Z"},
            {"dev-ben", "2026-11-20T10:02:00Z"},
            {"dev-ana", "2026-11-20T10:03:00Z"},
            {"dev-ana", "2026-11-20T10:05:00Z"},
            {"dev-ben", "2026-11-20T10:40:00Z"},
        };
        int n = 0;
        for (String[] c : calls) {
            inputs.extract(
                    CloudTrailRecord.call("iam.amazonaws.com", "CreateAccessKey")
                            .iamUser(c[0])
                            .at(c[1], "0e7a1c2d-0000-4000-8000-00000000000" + n++)
                            .decode(),
                    (kind, s) -> out.add(s));
        }
        return out;
    }

    private static List<Alert> runSignals(List<Signal> signals) throws Exception {
        CorrelationDetectorRules rules = new CorrelationDetectorRules();
        for (SigmaCorrelationRule c : set().correlations().rules()) {
            for (ThresholdRule r : c.detectors(c.info().defaultSettings())) {
                rules.add(c.info().id(), r);
            }
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new ThresholdDetector(rules), s -> s.key, Types.STRING)) {
            h.open();
            for (Signal s : signals) {
                h.processElement(s, s.time);
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.numKeyedStateEntries()).isZero();
            return new ArrayList<>(h.extractOutputValues());
        }
    }

    private static SigmaRuleSet set() {
        SigmaRuleSet set =
                SigmaRuleSet.compile(
                        List.of(new RuleFile("keys.yml", RULES)), RuleRegistry.builtIn());
        assertThat(set.problems()).isEmpty();
        return set;
    }
}
