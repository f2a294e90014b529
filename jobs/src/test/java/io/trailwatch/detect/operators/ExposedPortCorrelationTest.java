package io.trailwatch.detect.operators;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.ExposedPortUsedRule;
import io.trailwatch.model.Alert;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * TW-CORR-01 in the two-input keyed harness: security-group openings (CloudTrail) and accepted
 * public inbound connections (flows), keyed by account and port, joined in event time.
 */
class ExposedPortCorrelationTest {
    private static final String KEY = "444455556666 22";

    private static StreamRecord<Signal> opening(String hms) {
        Signal o = signal(KEY, hms, "open-" + hms).value("22").attribute("0.0.0.0/0");
        o.resource = "sg-0c3f5a7b9d1e24680";
        return new StreamRecord<>(o, o.time);
    }

    private static StreamRecord<Signal> connection(String hms, String source) {
        Signal c =
                signal(KEY, hms, "eni " + source + " -> 10.40.1.25:22 @" + hms)
                        .value(source)
                        .attribute("10.40.1.25");
        return new StreamRecord<>(c, c.time);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Signal, Signal, Alert> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new ExposedPortCorrelation(ExposedPortUsedRule.INFO.defaultSettings()),
                s -> s.key,
                s -> s.key,
                Types.STRING);
    }

    @Test
    void connectionsAfterTheOpeningAlertOnceEvenWhenTheFlowStreamIsAhead() throws Exception {
        try (var h = harness()) {
            // flows arrive before the CloudTrail event that explains them
            h.processElement2(connection("10:26:03", "192.0.2.44"));
            h.processElement2(connection("10:27:10", "198.51.100.201"));
            h.processElement2(connection("10:28:00", "192.0.2.44"));
            h.processElement1(opening("10:20:05"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).hasSize(1);
            Alert a = h.extractOutputValues().get(0);
            assertThat(a.ruleId).isEqualTo("TW-CORR-01");
            assertThat(a.resource).isEqualTo("sg-0c3f5a7b9d1e24680");
            assertThat(a.evidence.eventIds[0]).isEqualTo("open-10:20:05");
            assertThat(a.evidence.count).isEqualTo(4);
        }
    }

    @Test
    void nobodyConnectingOrConnectionsOutsideTheWindowAreNothing() throws Exception {
        try (var h = harness()) {
            h.processElement2(connection("10:20:00", "192.0.2.44"));
            h.processElement1(opening("10:20:05"));
            h.processElement2(connection("10:50:06", "192.0.2.44"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
        }
        try (var h = harness()) {
            h.processElement1(opening("10:47:30"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void stateAndTimersAreGoneWhenTheOpeningsWindowEnds() throws Exception {
        try (var h = harness()) {
            h.processElement1(opening("10:20:05"));
            h.processElement2(connection("10:26:03", "192.0.2.44"));
            h.processElement2(connection("11:30:00", "192.0.2.45"));
            h.processBothWatermarks(new Watermark(at("10:40:00")));
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.numKeyedStateEntries()).isPositive();

            h.processBothWatermarks(new Watermark(at("11:30:00")));

            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void recordsBehindTheWatermarkAreLate() throws Exception {
        try (var h = harness()) {
            h.processBothWatermarks(new Watermark(at("10:40:00")));
            h.processElement1(opening("10:20:05"));
            h.processElement2(connection("10:26:03", "192.0.2.44"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(ExposedPortCorrelation.LATE)).hasSize(2);
        }
    }
}
