package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.CloudTrailRecord;
import io.trailwatch.model.Responsibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Correlations as entries of the registry: each carries the rules that feed it, so the stream feeds
 * the shipped ones and the rule files' alike; a copy of a shipped correlation takes its place; the
 * {@code trailwatch:} block describes a correlation's catalog entry.
 */
class CorrelationRegistryTest {
    private static final String STOP_TWELVE =
            "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
                    + "\"AIDAEXAMPLEREPORT0001\",\"arn\":\"arn:aws:iam::444455556666:user/svc-reporting\","
                    + "\"accountId\":\"444455556666\",\"accessKeyId\":\"AKIAEXAMPLEREPORT001\","
                    + "\"userName\":\"svc-reporting\"},\"eventTime\":\"2026-11-03T02:10:00Z\","
                    + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"StopInstances\","
                    + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.23\","
                    + "\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":{\"instancesSet\":"
                    + "{\"items\":[{\"instanceId\":\"i-0aaaaaaaaaaaaaaa1\"},{\"instanceId\":"
                    + "\"i-0aaaaaaaaaaaaaaa2\"},{\"instanceId\":\"i-0aaaaaaaaaaaaaaa3\"},"
                    + "{\"instanceId\":\"i-0aaaaaaaaaaaaaaa2\"}]},\"force\":false},"
                    + "\"responseElements\":null,\"requestID\":\"6c0b2f4e-6a57-4b0e-9a4c-3b7f0c1d2e3f\","
                    + "\"eventID\":\"0e7c1d2b-3f4a-4b5c-8d6e-7f8091a2b3c4\",\"readOnly\":false,"
                    + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                    + "\"recipientAccountId\":\"444455556666\",\"eventCategory\":\"Management\"}";

    private static final String BASE =
            "title: Snapshot deleted\n"
                    + "id: 6a0e8d52-1c3b-4f7a-9e5d-2b4c6d8e0f11\n"
                    + "name: snapshot_deleted\n"
                    + "logsource:\n  product: aws\n  service: cloudtrail\n"
                    + "detection:\n  selection:\n    eventName: DeleteSnapshot\n"
                    + "  condition: selection\n";

    private static String correlation(String id, String trailwatch) {
        return "---\ntitle: Many snapshots deleted\n"
                + "id: "
                + id
                + "\ndescription: Snapshots deleted in bulk.\n"
                + "correlation:\n  type: event_count\n  rules:\n    - snapshot_deleted\n"
                + "  group-by:\n    - userIdentity.arn\n  timespan: 10m\n  condition:\n    gte: 5\n"
                + "level: high\n"
                + trailwatch;
    }

    @Test
    void theBuiltInRegistryFeedsTheShippedCorrelations() {
        CloudTrailEvent stop = CloudTrailRecord.decode(STOP_TWELVE);

        List<Signal> signals = new ArrayList<>();
        CorrelationInputs.of(RuleRegistry.builtIn().rules(), Set.of())
                .extract(stop, (kind, s) -> signals.add(s));
        List<Signal> disabled = new ArrayList<>();
        CorrelationInputs.of(RuleRegistry.builtIn().rules(), Set.of("TW-DESTROY-18"))
                .extract(stop, (kind, s) -> disabled.add(s));

        // one signal per distinct instance the call names, all of the one event
        assertThat(signals)
                .filteredOn(s -> s.key.startsWith("TW-DESTROY-18" + CorrelationKeys.SEPARATOR))
                .extracting(s -> s.value)
                .containsExactly(
                        "i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2", "i-0aaaaaaaaaaaaaaa3");
        assertThat(signals)
                .filteredOn(s -> s.key.startsWith("TW-DESTROY-18" + CorrelationKeys.SEPARATOR))
                .allSatisfy(
                        s -> assertThat(s.ref).isEqualTo("0e7c1d2b-3f4a-4b5c-8d6e-7f8091a2b3c4"));
        assertThat(disabled)
                .noneMatch(s -> s.key.startsWith("TW-DESTROY-18" + CorrelationKeys.SEPARATOR));
    }

    @Test
    void aCopyOfAShippedCorrelationTakesItsPlace() {
        String text = BASE + correlation("TW-DESTROY-19", "");

        SigmaRuleSet set =
                SigmaRuleSet.compile(
                        List.of(new RuleFile("copy.yml", text)), RuleRegistry.builtIn());

        assertThat(set.problems()).isEmpty();
        assertThat(set.warnings())
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.file()).isEqualTo("copy.yml");
                            assertThat(w.line()).as("the copy's id").isEqualTo(13);
                            assertThat(w.reason())
                                    .isEqualTo("replaces the shipped rule TW-DESTROY-19");
                        });
        RuleInfo info = set.registry().rule("TW-DESTROY-19").info();
        assertThat(info.title()).isEqualTo("Many snapshots deleted");
        assertThat(set.registry().rules())
                .filteredOn(r -> r.info().id().equals("TW-DESTROY-19"))
                .hasSize(1);
    }

    @Test
    void aBuiltInRuleClassIdIsNotACorrelations() {
        String text = BASE + correlation("TW-AUTH-01", "");

        SigmaRuleSet set =
                SigmaRuleSet.compile(List.of(new RuleFile("c.yml", text)), RuleRegistry.builtIn());

        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p.reason())
                                        .isEqualTo("id TW-AUTH-01 is taken by a built-in rule"));
    }

    @Test
    void theTrailwatchBlockDescribesACorrelation() {
        String text =
                BASE
                        + correlation(
                                "7b1f9e63-2d4c-4a8b-8f6e-3c5d7e9f1a22",
                                "trailwatch:\n"
                                        + "  responsibility: data-protection\n"
                                        + "  severity-note: HIGH for five deletions\n"
                                        + "  remediation: Restore from the Recycle Bin.\n");

        SigmaRuleSet set =
                SigmaRuleSet.compile(List.of(new RuleFile("c.yml", text)), RuleRegistry.builtIn());

        assertThat(set.problems()).isEmpty();
        RuleInfo info = set.registry().rule("7b1f9e63-2d4c-4a8b-8f6e-3c5d7e9f1a22").info();
        assertThat(info.responsibility()).isEqualTo(Responsibility.DATA_PROTECTION);
        assertThat(info.severityNote()).isEqualTo("HIGH for five deletions");
        assertThat(info.remediation()).isEqualTo("Restore from the Recycle Bin.");
    }

    @Test
    void recordShapingKeysAreRefusedOnACorrelation() {
        String text =
                BASE
                        + correlation(
                                "7b1f9e63-2d4c-4a8b-8f6e-3c5d7e9f1a22",
                                "trailwatch:\n  evidence:\n    snapshot: requestParameters.snapshotId\n");

        SigmaRuleSet set =
                SigmaRuleSet.compile(List.of(new RuleFile("c.yml", text)), RuleRegistry.builtIn());

        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).as("the evidence block").isEqualTo(27);
                            assertThat(p.reason())
                                    .isEqualTo(
                                            "trailwatch.evidence applies to detection rules: a"
                                                    + " correlation's alert carries its group and"
                                                    + " counts");
                        });
    }
}
