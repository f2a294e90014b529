package io.trailwatch.analysis;

import static io.trailwatch.model.CloudTrailRecord.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.Alert;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordAnalyzerTest {
    private static final OwnerResolver NO_OWNERS = new OwnerResolver(OwnershipTable.empty());

    /** A root call (TW-IAM-01) in an account no table knows (TW-OWN-01's activity). */
    private static String rootCall(String eventId, String time) {
        return call("ec2.amazonaws.com", "DescribeInstances")
                .root(null)
                .readOnly()
                .at(time, eventId)
                .json();
    }

    private static DecodedBatch decoded(RecordDecoder decoder, String... recordsOrJunk) {
        String json = "{\"Records\":[" + String.join(",", recordsOrJunk) + "]}";
        return decoder.decode(
                new RawRecord(
                        "file.json", RawKind.JSON, json.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void analysesTheDecodedEventsInOrderAtTheirEventTime() {
        RecordDecoder decoder = new RecordDecoder();
        DecodedBatch batch =
                decoded(
                        decoder,
                        rootCall("e1", "2026-10-14T10:20:05Z"),
                        "42",
                        rootCall("e2", "2026-10-14T10:21:05Z"));
        Collected out = new Collected();

        new RecordAnalyzer(Set.of(), EnumSet.noneOf(SignalKind.class), true)
                .analyze(batch, NO_OWNERS, out);

        assertThat(out.alerts).extracting(a -> a.ruleId).containsExactly("TW-IAM-01", "TW-IAM-01");
        assertThat(out.alertTimes)
                .containsExactly(
                        Instant.parse("2026-10-14T10:20:05Z").toEpochMilli(),
                        Instant.parse("2026-10-14T10:21:05Z").toEpochMilli());
        assertThat(out.unowned).extracting(a -> a.reference).containsExactly("e1", "e2");
        // the decoder's dead letter (Records[1]) is the operator's to send, not the analysis'
        assertThat(out.deadLetters).isEmpty();
    }

    @Test
    void whatTheOwnershipTableMarksAsMonitoringIsJudgedAsSuch() throws Exception {
        OwnerResolver owners =
                new OwnerResolver(
                        OwnershipTableParser.parse(
                                "match,team,environment,contact,trusted_cidrs,monitoring\n"
                                        + "444455556666,platform,prod,#platform,,\n"
                                        + "arn:aws:cloudwatch:eu-west-1:444455556666:alarm:payments-p99-latency,"
                                        + "payments,prod,#payments,,yes\n"
                                        + "arn:aws:events:eu-west-1:444455556666:rule/soc/*,"
                                        + "soc,prod,#soc,,true\n"
                                        + "arn:aws:logs:eu-west-1:444455556666:log-group:/org/edr,"
                                        + "soc,prod,#soc,,yes\n"
                                        + "arn:aws:cloudwatch:eu-west-1:444455556666:alarm:batch-backlog,"
                                        + "batch,prod,#batch,,no\n",
                                "owners.csv"));
        DecodedBatch batch =
                decoded(
                        new RecordDecoder(),
                        call("monitoring.amazonaws.com", "DeleteAlarms")
                                .request("{\"alarmNames\":[\"payments-p99-latency\"]}")
                                .json(),
                        call("monitoring.amazonaws.com", "DeleteAlarms")
                                .request("{\"alarmNames\":[\"batch-backlog\"]}")
                                .json(),
                        call("events.amazonaws.com", "DisableRule")
                                .request("{\"name\":\"edr-isolation\",\"eventBusName\":\"soc\"}")
                                .json(),
                        call("events.amazonaws.com", "DisableRule")
                                .request("{\"name\":\"edr-isolation\"}")
                                .json(),
                        call("logs.amazonaws.com", "DeleteLogStream")
                                .request(
                                        "{\"logGroupName\":\"/org/edr\",\"logStreamName\":\"host-17\"}")
                                .json());
        Collected out = new Collected();

        new RecordAnalyzer(Set.of(), EnumSet.noneOf(SignalKind.class), true)
                .analyze(batch, owners, out);

        assertThat(out.alerts)
                .extracting(a -> a.ruleId + " " + a.severity + " " + a.resource)
                .containsExactly(
                        "TW-LOG-05 MEDIUM payments-p99-latency",
                        "TW-LOG-05 INFO batch-backlog",
                        "TW-LOG-05 MEDIUM edr-isolation",
                        "TW-LOG-05 INFO edr-isolation",
                        "TW-LOG-05 MEDIUM /org/edr host-17");
    }

    @Test
    void anEventTheAnalysisFailsOnCostsThatEventAlone() {
        RecordDecoder decoder = new RecordDecoder();
        DecodedBatch batch =
                decoded(
                        decoder,
                        rootCall("e1", "2026-10-14T10:20:05Z"),
                        rootCall("e2", "2026-10-14T10:21:05Z"));
        Collected out =
                new Collected() {
                    @Override
                    public void alert(Alert alert, long eventTime) {
                        if (alerts.isEmpty() && deadLetters.isEmpty()) {
                            throw new IllegalStateException("broken");
                        }
                        super.alert(alert, eventTime);
                    }
                };

        new RecordAnalyzer(Set.of(), EnumSet.noneOf(SignalKind.class), false)
                .analyze(batch, NO_OWNERS, out);

        assertThat(out.deadLetters)
                .extracting(d -> d.reason + " " + d.origin + " " + d.detail)
                .containsExactly(
                        "analysis-error file.json Records[0] IllegalStateException: broken");
        assertThat(out.alertTimes)
                .containsExactly(Instant.parse("2026-10-14T10:21:05Z").toEpochMilli());
    }

    /** What the analysis sent, in order. */
    private static class Collected implements AnalysisOutput {
        final List<Alert> alerts = new ArrayList<>();
        final List<Long> alertTimes = new ArrayList<>();
        final List<AccountActivity> unowned = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();

        @Override
        public void alert(Alert alert, long eventTime) {
            alerts.add(alert);
            alertTimes.add(eventTime);
        }

        @Override
        public void signal(SignalKind kind, Signal signal) {}

        @Override
        public void unownedActivity(AccountActivity activity) {
            unowned.add(activity);
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters.add(deadLetter);
        }
    }
}
