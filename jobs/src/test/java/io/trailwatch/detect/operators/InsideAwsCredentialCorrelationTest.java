package io.trailwatch.detect.operators;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.InstanceCredentialsInsideAwsRule;
import io.trailwatch.model.Alert;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Severity;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * TW-CRED-02 in the two-input keyed harness: addresses the organization was given (first input) and
 * instance credentials used from addresses inside AWS (second input), keyed by the address, joined
 * in event time.
 */
class InsideAwsCredentialCorrelationTest {
    private static final String ADDRESS = "34.241.2.9";
    private static final String WEB =
            "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890";
    private static final String BATCH =
            "arn:aws:sts::111122223333:assumed-role/batch-role/i-0f1e2d3c4b5a69788";

    private static StreamRecord<Signal> given(String hms, String api) {
        Signal g = signal(ADDRESS, hms, "given-" + hms).value(api);
        g.resource = ADDRESS;
        return new StreamRecord<>(g, g.time);
    }

    private static StreamRecord<Signal> use(String hms, String session, String api) {
        Signal u =
                signal(ADDRESS, hms, "use-" + hms)
                        .value(api)
                        .attribute("2.0")
                        .detail("34.240.0.0/13 eu-west-1 AMAZON EC2");
        u.account = "111122223333";
        u.principal = session;
        u.resource = session.substring(session.lastIndexOf('/') + 1);
        return new StreamRecord<>(u, u.time);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Signal, Signal, Alert> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new InsideAwsCredentialCorrelation(
                        InstanceCredentialsInsideAwsRule.INFO.defaultSettings()),
                s -> s.key,
                s -> s.key,
                Types.STRING);
    }

    @Test
    void anAwsAddressNobodyGaveTheOrganizationIsOneMediumAlertPerSession() throws Exception {
        try (var h = harness()) {
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processElement2(use("10:06:30", WEB, "s3:ListBuckets"));
            h.processElement2(use("10:07:00", WEB, "s3:GetObject"));
            h.processElement2(use("10:08:00", BATCH, "sqs:ReceiveMessage"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            List<Alert> alerts = h.extractOutputValues();
            assertThat(alerts)
                    .extracting(a -> a.ruleId + " " + a.severity + " " + a.principal)
                    .containsExactlyInAnyOrder(
                            "TW-CRED-02 MEDIUM " + WEB, "TW-CRED-02 MEDIUM " + BATCH);
            Alert web = alerts.stream().filter(a -> a.principal.equals(WEB)).findFirst().get();
            assertThat(web.severity).isEqualTo(Severity.MEDIUM);
            assertThat(web.resource).isEqualTo("i-0a1b2c3d4e5f67890");
            assertThat(web.title)
                    .isEqualTo(
                            "EC2 instance credentials used from another address inside AWS:"
                                    + " credentials of i-0a1b2c3d4e5f67890 (payments-web-role) used"
                                    + " from 34.241.2.9, an AWS address (AMAZON EC2, eu-west-1)");
            assertThat(web.evidence.count).isEqualTo(3);
            assertThat(web.evidence.eventIds)
                    .containsExactly("use-10:06:00", "use-10:06:30", "use-10:07:00");
            assertThat(fields(web))
                    .contains(
                            "sourceIPAddress=34.241.2.9",
                            "awsPrefix=34.240.0.0/13",
                            "awsRegion=eu-west-1",
                            "awsServices=AMAZON EC2",
                            "ec2RoleDelivery=2.0",
                            "distinctApis=3");
        }
    }

    @Test
    void anAddressTheOrganizationWasGivenEarlierIsItsOwnWhicheverStreamIsAhead() throws Exception {
        try (var h = harness()) {
            // the uses arrive before the AllocateAddress that explains them
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processElement2(use("10:40:00", BATCH, "s3:GetObject"));
            h.processElement1(given("10:00:00", "AllocateAddress"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
        }
        try (var h = harness()) {
            // given at the same second as the use: the address counts as held
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processElement1(given("10:06:00", "AssociateAddress"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void usesBeforeTheAddressWasGivenOrAfterItIsForgottenAlert() throws Exception {
        try (var h = harness()) {
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processElement1(given("10:30:00", "AllocateAddress"));
            h.processElement2(use("10:31:00", WEB, "s3:ListBuckets"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            a -> assertThat(a.evidence.eventIds).containsExactly("use-10:06:00"));
        }
        try (var h = harness()) {
            Signal late = use("10:06:00", WEB, "sts:GetCallerIdentity").getValue();
            // addressMemory (90 days) plus a second after it was given
            late.time = at("10:00:00") + 90L * 24 * 3600 * 1000 + 1000;
            h.processElement1(given("10:00:00", "AllocateAddress"));
            h.processElement2(new StreamRecord<>(late, late.time));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void aSessionAlertsAgainOnlyAfterAQuietWindowAndStateEndsWithTheTimers() throws Exception {
        try (var h = harness()) {
            h.processElement1(given("09:00:00", "AllocateAddress"));
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processBothWatermarks(new Watermark(at("10:06:00")));
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.numKeyedStateEntries()).isPositive();

            // the address counts as held for 90 days: state and a timer remain until then
            h.processBothWatermarks(new Watermark(at("23:00:00")));
            assertThat(h.numEventTimeTimers()).isEqualTo(1);

            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
        try (var h = harness()) {
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processElement2(use("10:50:00", WEB, "sts:GetCallerIdentity"));
            // more than the 60-minute window after the last use: a new incident
            h.processElement2(use("11:51:00", WEB, "s3:GetObject"));
            h.processBothWatermarks(new Watermark(at("10:20:00")));
            assertThat(h.extractOutputValues())
                    .as("reported 5 minutes after the first use")
                    .hasSize(1);

            // 10:50 joins the incident already reported; 11:51 opens the next
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            assertThat(h.extractOutputValues())
                    .extracting(a -> a.evidence.eventIds[0] + " " + a.evidence.count)
                    .containsExactly("use-10:06:00 1", "use-11:51:00 1");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void signalsBehindTheWatermarkAreLate() throws Exception {
        try (var h = harness()) {
            h.processBothWatermarks(new Watermark(at("10:40:00")));
            h.processElement1(given("10:00:00", "AllocateAddress"));
            h.processElement2(use("10:06:00", WEB, "sts:GetCallerIdentity"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(InsideAwsCredentialCorrelation.LATE)).hasSize(2);
        }
    }

    private static List<String> fields(Alert a) {
        return java.util.Arrays.stream(a.evidence.fields)
                .map((EvidenceField f) -> f.name + "=" + f.value)
                .toList();
    }
}
