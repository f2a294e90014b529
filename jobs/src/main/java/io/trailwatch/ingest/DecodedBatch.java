package io.trailwatch.ingest;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import java.util.Arrays;
import java.util.function.Consumer;

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

    private int handOverAt = Integer.MAX_VALUE;
    private Consumer<DecodedBatch> handOver;

    /**
     * From now on, whenever the batch holds {@code entries} entries, hands it to {@code consumer}
     * and empties it; the decoder returns what is left at the end of a record. A CloudTrail log
     * file decodes to hundreds of events: handed over a few dozen at a time, they are analysed
     * while still in the processor's caches instead of after the whole document. The consumer must
     * not throw: a failure in it is the consumer's to keep and raise after the decoder returns,
     * since the decoder turns exceptions into dead letters.
     */
    public void handOverEvery(int entries, Consumer<DecodedBatch> consumer) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be at least 1, got " + entries);
        }
        this.handOverAt = entries;
        this.handOver = consumer;
    }

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
        add(Kind.CLOUDTRAIL, event, null);
    }

    void addFlow(FlowRecord record) {
        add(Kind.FLOW, record, null);
    }

    void addSkipped(SkipKind kind, String origin) {
        add(Kind.SKIPPED, kind, origin);
    }

    /** A dead letter, stamped with the wall-clock time it was made. */
    void addDeadLetter(String reason, String detail, String origin, String excerpt) {
        add(
                Kind.DEAD_LETTER,
                new DeadLetter(reason, detail, origin, excerpt, System.currentTimeMillis()),
                null);
    }

    private void add(Kind kind, Object value, String skipOrigin) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            values = Arrays.copyOf(values, capacity);
            skipOrigins = Arrays.copyOf(skipOrigins, capacity);
        }
        kinds[size] = kind;
        values[size] = value;
        skipOrigins[size] = skipOrigin;
        size++;
        if (size == handOverAt) {
            handOver.accept(this);
            clear();
        }
    }
}
