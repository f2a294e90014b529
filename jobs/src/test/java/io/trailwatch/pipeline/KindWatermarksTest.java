package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.pipeline.KindWatermarks.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class KindWatermarksTest {
    private static final long MINUTE = 60_000;

    /** What the operator would send downstream. */
    private static final class Downstream implements WatermarkOutput {
        final List<String> said = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            said.add("wm " + watermark.getTimestamp() / MINUTE);
        }

        @Override
        public void markIdle() {
            said.add("idle");
        }

        @Override
        public void markActive() {
            said.add("active");
        }
    }

    /** A generator whose watermark is its latest event and whose idleness the test decides. */
    private static final class Manual implements WatermarkGenerator<Object> {
        long latest = Long.MIN_VALUE;
        boolean idle;

        @Override
        public void onEvent(Object event, long timestamp, WatermarkOutput output) {
            latest = Math.max(latest, timestamp);
            idle = false;
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (idle) {
                output.markIdle();
            } else if (latest > Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(latest));
            }
        }
    }

    private static KindWatermarks withManualGenerators(Downstream out, List<Manual> generators) {
        return new KindWatermarks(
                () -> {
                    Manual m = new Manual();
                    generators.add(m);
                    return m;
                },
                out);
    }

    @Test
    void theLowerKindHoldsEventTimeBackAndAKindNeverSeenDoesNot() {
        Downstream out = new Downstream();
        List<Manual> generators = new ArrayList<>();
        KindWatermarks w = withManualGenerators(out, generators);

        w.onEvent(Kind.CLOUDTRAIL, "event", 100 * MINUTE);
        w.onPeriodicEmit(); // flows not seen yet: CloudTrail alone decides
        w.onEvent(Kind.FLOW, "flow", 90 * MINUTE);
        w.onPeriodicEmit(); // now the lower of the two
        generators.get(Kind.FLOW.ordinal()).idle = true;
        w.onPeriodicEmit(); // idle flows no longer hold it back
        generators.get(Kind.CLOUDTRAIL.ordinal()).idle = true;
        w.onPeriodicEmit(); // nothing active, every kind idle: the stream is idle
        w.onEvent(Kind.FLOW, "flow", 95 * MINUTE); // active again at once
        w.onPeriodicEmit(); // flows alone, CloudTrail still idle

        assertThat(out.said)
                .containsExactly(
                        "active", "wm 100", "active", "wm 90", "active", "wm 100", "idle", "active",
                        "active", "wm 95");
    }

    @Test
    void anExpectedKindHoldsEventTimeBackUntilItsRecordsComeOrItGoesIdle() {
        Downstream out = new Downstream();
        List<Manual> generators = new ArrayList<>();
        KindWatermarks w = withManualGenerators(out, generators);
        w.expect(Kind.FLOW); // the job had flows before its restart

        w.onEvent(Kind.CLOUDTRAIL, "event", 100 * MINUTE);
        w.onPeriodicEmit(); // flows not back yet: no watermark
        w.onEvent(Kind.FLOW, "flow", 90 * MINUTE);
        w.onPeriodicEmit();
        generators.get(Kind.FLOW.ordinal()).idle = true;
        w.onPeriodicEmit();

        assertThat(out.said).containsExactly("active", "active", "wm 90", "active", "wm 100");
        assertThat(w.known()).containsExactlyInAnyOrder(Kind.CLOUDTRAIL, Kind.FLOW);
    }

    @Test
    void anInstanceWithoutRecordsGoesIdleOnlyWhenEveryKindIs() {
        Downstream out = new Downstream();
        List<Manual> generators = new ArrayList<>();
        KindWatermarks w = withManualGenerators(out, generators);

        w.onPeriodicEmit(); // nothing seen, nothing idle yet: says nothing
        generators.get(Kind.CLOUDTRAIL.ordinal()).idle = true;
        w.onPeriodicEmit(); // flows not idle yet
        generators.get(Kind.FLOW.ordinal()).idle = true;
        w.onPeriodicEmit(); // no shard, no file: idle, downstream does not wait for it

        assertThat(out.said).containsExactly("idle");
    }

    @Test
    void withIdlenessAnInstanceWithoutRecordsGoesIdleAfterTheTimeout() throws Exception {
        Downstream out = new Downstream();
        KindWatermarks w =
                new KindWatermarks(
                        () ->
                                WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMinutes(15))
                                        .withIdleness(Duration.ofMillis(50))
                                        .createWatermarkGenerator(UnregisteredMetricsGroup::new),
                        out);

        w.onPeriodicEmit();
        Thread.sleep(120);
        w.onPeriodicEmit();
        w.onPeriodicEmit();

        assertThat(out.said).endsWith("idle");
        assertThat(out.said).noneMatch(s -> s.startsWith("wm")).doesNotContain("active");
    }

    @Test
    void boundedOutOfOrdernessPerKind() {
        List<Long> said = new ArrayList<>();
        KindWatermarks w =
                new KindWatermarks(
                        () ->
                                WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMinutes(15))
                                        .createWatermarkGenerator(null),
                        new WatermarkOutput() {
                            @Override
                            public void emitWatermark(Watermark watermark) {
                                said.add(watermark.getTimestamp());
                            }

                            @Override
                            public void markIdle() {}

                            @Override
                            public void markActive() {}
                        });

        w.onEvent(Kind.CLOUDTRAIL, "event", 100 * MINUTE);
        w.onEvent(Kind.FLOW, "flow", 60 * MINUTE);
        w.onPeriodicEmit();

        assertThat(said).containsExactly(45 * MINUTE - 1);
    }
}
