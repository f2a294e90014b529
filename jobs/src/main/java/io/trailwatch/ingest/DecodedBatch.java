package io.trailwatch.ingest;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import java.util.Arrays;

/**
 * What the decoder made of one raw record, in input order: CloudTrail events, flow records, skips
 * and dead letters. A decoder keeps one and refills it for every record, so the hot path allocates
 * nothing for it; what it holds is valid until the next record is decoded.
 *
 * <p>Read it by index: {@link #kind(int)} says which accessor applies to an entry.
 */
public final class DecodedBatch {
    /** What an entry is. */
    public enum Kind {
        CLOUDTRAIL,
        FLOW,
        /**
         * Input that is valid but carries nothing to analyse (NODATA, SKIPDATA, CONTROL_MESSAGE).
         */
        SKIPPED,
        DEAD_LETTER
    }

    private Kind[] kinds = new Kind[64];

    /** The event, flow record, {@link SkipKind} or {@link DeadLetter} of each entry. */
    private Object[] values = new Object[64];

    /** Where each skipped entry came from (null for the others). */
    private String[] skipOrigins = new String[64];

    private int size;

    public int size() {
        return size;
    }

    public Kind kind(int i) {
        return kinds[i];
    }

    public CloudTrailEvent cloudTrail(int i) {
        return (CloudTrailEvent) values[i];
    }

    public FlowRecord flow(int i) {
        return (FlowRecord) values[i];
    }

    public SkipKind skipped(int i) {
        return (SkipKind) values[i];
    }

    public String skipOrigin(int i) {
        return skipOrigins[i];
    }

    public DeadLetter deadLetter(int i) {
        return (DeadLetter) values[i];
    }

    /**
     * Empties the batch. Its references are dropped too: decoded events are large, and kept here
     * they would outlive a young collection for nothing.
     */
    void clear() {
        Arrays.fill(values, 0, size, null);
        Arrays.fill(skipOrigins, 0, size, null);
        size = 0;
    }

    void addCloudTrail(CloudTrailEvent event) {
        add(Kind.CLOUDTRAIL, event);
    }

    void addFlow(FlowRecord record) {
        add(Kind.FLOW, record);
    }

    void addSkipped(SkipKind kind, String origin) {
        skipOrigins[add(Kind.SKIPPED, kind)] = origin;
    }

    /** A dead letter, stamped with the wall-clock time it was made. */
    void addDeadLetter(String reason, String detail, String origin, String excerpt) {
        add(
                Kind.DEAD_LETTER,
                new DeadLetter(reason, detail, origin, excerpt, System.currentTimeMillis()));
    }

    private int add(Kind kind, Object value) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            values = Arrays.copyOf(values, capacity);
            skipOrigins = Arrays.copyOf(skipOrigins, capacity);
        }
        kinds[size] = kind;
        values[size] = value;
        return size++;
    }
}
