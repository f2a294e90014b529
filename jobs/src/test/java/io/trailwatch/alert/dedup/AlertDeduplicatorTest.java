package io.trailwatch.alert.dedup;

import static io.trailwatch.alert.TestAlerts.payments;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.DedupSettings;
import io.trailwatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The de-duplication operator on Flink's keyed operator harness: output, timers, state. */
class AlertDeduplicatorTest {
    private static final String SG = "sg-0a1b2c3d4e5f60001";
    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness;

    private void open(DedupSettings settings) throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AlertDeduplicator(settings)),
                        DedupKey::of,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private List<String> ids() {
        return harness.extractOutputValues().stream().map(a -> a.alertId).toList();
    }

    private void process(Alert a) throws Exception {
        harness.processElement(a, a.eventTime);
    }

    @Test
    void firstAlertGoesOutAtOnceAndRepeatsLeaveAsOneFollowUpWhenTheWindowEnds() throws Exception {
        open(DedupSettings.defaults());
        Alert first = securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments());

        process(first);
        assertThat(ids()).containsExactly(first.alertId);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        process(securityGroupOpened("e-2", "2026-10-14T09:10:00Z", SG, payments()));
        process(securityGroupOpened("e-3", "2026-10-14T09:59:59Z", SG, payments()));
        harness.processWatermark(at("2026-10-14T09:59:59.998Z"));
        assertThat(harness.extractOutputValues()).hasSize(1);

        harness.processWatermark(at("2026-10-14T09:59:59.999Z"));
        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        Alert followUp = out.get(1);
        assertThat(followUp.followUpOf).isEqualTo(first.alertId);
        assertThat(followUp.suppressedCount).isEqualTo(2);
        assertThat(followUp.evidence.eventIds).containsExactly("e-2", "e-3");
        // Bounded state: the episode and its timer are gone with the window.
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLoneAlertLeavesNoFollowUpAndNoState() throws Exception {
        open(DedupSettings.defaults());
        process(securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments()));

        harness.processWatermark(at("2026-10-14T11:00:00Z"));

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anAlertAfterTheWindowOpensTheNextEvenBeforeTheTimerFired() throws Exception {
        open(DedupSettings.defaults());
        Alert first = securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments());
        Alert repeat = securityGroupOpened("e-2", "2026-10-14T09:30:00Z", SG, payments());
        Alert later = securityGroupOpened("e-3", "2026-10-14T10:00:00Z", SG, payments());

        process(first);
        process(repeat);
        process(later); // the watermark still lags behind

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        assertThat(out.get(0).alertId).isEqualTo(first.alertId);
        assertThat(out.get(1).followUpOf).isEqualTo(first.alertId);
        assertThat(out.get(1).suppressedCount).isEqualTo(1);
        assertThat(out.get(2).alertId).isEqualTo(later.alertId);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(at("2026-10-14T12:00:00Z"));
        assertThat(harness.extractOutputValues()).hasSize(3);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void keysAreIndependentAndTheSameAlertAgainIsNotARepeat() throws Exception {
        open(DedupSettings.defaults());
        Alert a = securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments());
        Alert b =
                securityGroupOpened(
                        "e-2", "2026-10-14T09:01:00Z", "sg-0a1b2c3d4e5f60002", payments());

        process(a);
        process(b);
        process(a.copy()); // re-emitted upstream, e.g. after a restart

        assertThat(ids()).containsExactly(a.alertId, b.alertId);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        harness.processWatermark(at("2026-10-14T11:00:00Z"));
        assertThat(ids()).containsExactly(a.alertId, b.alertId);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void windowIsConfigurablePerRuleAndZeroTurnsItOff() throws Exception {
        open(DedupSettings.defaults().withRuleWindow("TW-NET-01", Duration.ZERO));
        process(securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments()));
        process(securityGroupOpened("e-2", "2026-10-14T09:01:00Z", SG, payments()));

        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shorterRuleWindowEndsTheEpisodeSooner() throws Exception {
        open(DedupSettings.defaults().withRuleWindow("TW-NET-01", Duration.ofMinutes(10)));
        process(securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments()));
        process(securityGroupOpened("e-2", "2026-10-14T09:05:00Z", SG, payments()));

        harness.processWatermark(at("2026-10-14T09:10:00Z"));

        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.extractOutputValues().get(1).suppressedCount).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        open(DedupSettings.defaults());
        Alert first = securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments());
        process(first);
        process(securityGroupOpened("e-2", "2026-10-14T09:10:00Z", SG, payments()));
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AlertDeduplicator(DedupSettings.defaults())),
                        DedupKey::of,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        process(securityGroupOpened("e-3", "2026-10-14T09:20:00Z", SG, payments()));
        harness.processWatermark(at("2026-10-14T11:00:00Z"));

        List<Alert> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).followUpOf).isEqualTo(first.alertId);
        assertThat(out.get(0).suppressedCount).isEqualTo(2);
    }
}
