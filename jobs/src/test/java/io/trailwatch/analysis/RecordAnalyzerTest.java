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
