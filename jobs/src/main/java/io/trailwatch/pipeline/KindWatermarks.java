package io.trailwatch.pipeline;

import java.util.EnumSet;
import java.util.function.Supplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The event time of a stream that mixes CloudTrail events and flow records. Each kind has its own
 * generator (bounded out-of-orderness, idleness), because the two are delivered with different
 * delays and either may be missing altogether; the stream's watermark is the lowest of the kinds
 * that have had records, or are {@link #expect expected} to, and are not idle. When every kind is
 * idle (as its generator decides, also when it never had a record), so is the stream.
 */
final class KindWatermarks {
    /** The kinds of record that carry event time. */
    enum Kind {
        CLOUDTRAIL,
        FLOW
    }

    private final PerKind[] kinds = new PerKind[Kind.values().length];
    private final WatermarkOutput downstream;

    /**
     * @param generators one new generator per call, e.g. from a {@code WatermarkStrategy}
     * @param downstream where the combined watermark goes
     */
    KindWatermarks(Supplier<WatermarkGenerator<Object>> generators, WatermarkOutput downstream) {
        for (Kind kind : Kind.values()) {
            kinds[kind.ordinal()] = new PerKind(generators.get());
        }
        this.downstream = downstream;
    }

    /**
     * Holds event time back for a kind the job had before a restart, until its records come again
     * or it goes idle: otherwise the first kind to arrive after a restart would push event time
     * past the other's records still to come.
     */
    void expect(Kind kind) {
        kinds[kind.ordinal()].expected = true;
    }

    /** The kinds that had records or are expected: what a restart should expect. */
    EnumSet<Kind> known() {
        EnumSet<Kind> known = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            PerKind k = kinds[kind.ordinal()];
            if (k.seen || k.expected) {
                known.add(kind);
            }
        }
        return known;
    }

    void onEvent(Kind kind, Object event, long timestamp) {
        PerKind k = kinds[kind.ordinal()];
        k.seen = true;
        k.generator.onEvent(event, timestamp, k);
        if (k.idle) {
            // records flow again; the watermark follows at the next periodic emit
            k.idle = false;
            downstream.markActive();
        }
    }

    void onPeriodicEmit() {
        for (PerKind k : kinds) {
            k.generator.onPeriodicEmit(k);
        }
        emit();
    }

    private void emit() {
        long lowest = Long.MAX_VALUE;
        boolean active = false;
        boolean allIdle = true;
        for (PerKind k : kinds) {
            allIdle &= k.idle;
            if ((k.seen || k.expected) && !k.idle) {
                active = true;
                lowest = Math.min(lowest, k.watermark);
            }
        }
        if (active) {
            // records flow again even when the watermark itself did not move
            downstream.markActive();
            if (lowest > Long.MIN_VALUE) {
                downstream.emitWatermark(new Watermark(lowest));
            }
        } else if (allIdle) {
            // including a parallel instance that never had a record (no shard, no file): it
            // must not hold back the operators downstream
            downstream.markIdle();
        }
    }

    /** One kind's generator and what it last said. */
    private static final class PerKind implements WatermarkOutput {
        final WatermarkGenerator<Object> generator;
        long watermark = Long.MIN_VALUE;
        boolean idle;
        boolean seen;
        boolean expected;

        PerKind(WatermarkGenerator<Object> generator) {
            this.generator = generator;
        }

        @Override
        public void emitWatermark(Watermark w) {
            watermark = Math.max(watermark, w.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
