package io.trailwatch.detect.sigma;

import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The records of a test case as the job would see them: decoded by the production decoder, given
 * the case's owner as the ownership lookup would, in event-time order.
 */
final class CaseRecords {
    /** A record of the case that the decoder refused or skipped. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private CaseRecords() {}

    /** {@link CloudTrailEvent}s and {@link FlowRecord}s, stably sorted by event time. */
    static List<Object> decode(RuleTestCase c, String origin, RecordDecoder decoder)
            throws Refused {
        List<Object> out = new ArrayList<>();
        List<RuleTestCase.Input> inputs = c.records();
        for (int n = 0; n < inputs.size(); n++) {
            RuleTestCase.Input in = inputs.get(n);
            String what =
                    (in.kind() == RuleTestCase.Kind.CLOUDTRAIL ? "event " : "flow ")
                            + (n + 1)
                            + " (line "
                            + in.line()
                            + ")";
            RawRecord raw =
                    new RawRecord(
                            origin + ":" + in.line(),
                            in.kind() == RuleTestCase.Kind.CLOUDTRAIL
                                    ? RawKind.JSON
                                    : RawKind.FLOW_LINE,
                            in.text().getBytes(StandardCharsets.UTF_8),
                            in.flowFormat());
            DecodedBatch batch = decoder.decode(raw);
            int found = 0;
            for (int i = 0; i < batch.size(); i++) {
                switch (batch.kind(i)) {
                    case DEAD_LETTER:
                        DeadLetter d = batch.deadLetter(i);
                        throw new Refused(what + " does not decode: " + d.reason + ": " + d.detail);
                    case SKIPPED:
                        throw new Refused(
                                what
                                        + " is skipped by the decoder ("
                                        + batch.skipped(i)
                                        + "), so no rule sees it");
                    case CLOUDTRAIL:
                        CloudTrailEvent e = batch.cloudTrail(i);
                        e.owner = c.owner();
                        out.add(e);
                        found++;
                        break;
                    default:
                        FlowRecord f = batch.flow(i);
                        f.owner = c.owner();
                        out.add(f);
                        found++;
                }
            }
            if (found == 0) {
                throw new Refused(what + " holds no record");
            }
        }
        out.sort(Comparator.comparingLong(CaseRecords::time));
        return out;
    }

    static long time(Object record) {
        return record instanceof CloudTrailEvent e ? e.eventTime : ((FlowRecord) record).eventTime;
    }
}
