package io.trailwatch.pipeline;

import io.trailwatch.config.PipelineSettings;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.correlate.ExposedPortCorrelation;
import io.trailwatch.detect.patterns.LoginAfterBurst;
import io.trailwatch.detect.patterns.SignalTags;
import io.trailwatch.detect.patterns.ThresholdDetector;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.signals.SignalKind;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.ThresholdRules;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The windowed and stateful part of the graph:
 *
 * <pre>
 * CloudTrail signals ─┬▶ keyBy ─▶ AUTH-01, RECON-01/02, CRED-01, EXFIL-01 ─▶ alerts
 * (AnalysisOperator)  │           └ AUTH-01 bursts ─┐
 *                     ├▶ sign-ins ─▶ keyBy account ─▶ AUTH-02 ─▶ alerts
 *                     └▶ port openings ─▶ keyBy account+port ─▶ CORR-01 ─▶ alerts
 * flow signals ───────┬▶ keyBy ─▶ NETSCAN-01/02, EXFIL-02 ─▶ alerts     ▲
 *                     └▶ public inbound ─▶ keyBy account+port ──────────┘
 * </pre>
 *
 * Every stateful operator has the uid of its detector (the threshold detectors' with the version of
 * their state's layout), and every detector's late records are counted under its rule id.
 */
final class PatternDetectors {
    private final PipelineSettings settings;

    PatternDetectors(PipelineSettings settings) {
        this.settings = settings;
    }

    /** The signals the enabled rules need: the analysis extracts only these. */
    EnumSet<SignalKind> signalKinds() {
        EnumSet<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        for (SignalKind kind : SignalKind.values()) {
            if (settings.rules.isEnabled(kind.ruleId())) {
                kinds.add(kind);
            }
        }
        if (!settings.rules.isEnabled(RuleCatalog.AUTH_FAILURES.id())) {
            // no bursts, nothing for TW-AUTH-02 to follow
            kinds.remove(SignalKind.SUCCESSFUL_LOGIN);
        }
        return kinds;
    }

    /**
     * The alerts of every enabled windowed rule, or {@code null} when none is enabled.
     *
     * @param signals the operator whose side outputs carry the signals ({@link AnalysisOperator})
     */
    DataStream<Alert> build(SingleOutputStreamOperator<Alert> signals) {
        EnumSet<SignalKind> kinds = signalKinds();
        if (kinds.isEmpty()) {
            return null;
        }

        List<DataStream<Alert>> alerts = new ArrayList<>();
        DataStream<LoginBurst> bursts = null;
        for (ThresholdRule rule : ThresholdRules.all(settings.patterns)) {
            if (!kinds.contains(rule.input())) {
                continue;
            }
            SingleOutputStreamOperator<Alert> detector =
                    signals.getSideOutput(SignalTags.of(rule.input()))
                            .keyBy(s -> s.key, Types.STRING)
                            .transform(
                                    rule.name() + " " + rule.info().title(),
                                    TypeInformation.of(Alert.class),
                                    new ThresholdDetector(rule))
                            // "-v2": its state's layout (pending signals per due time) is not that
                            // of earlier builds, so their snapshots must not map onto it
                            .uid(rule.name() + "-v2");
            countLate(
                    detector.getSideOutput(ThresholdDetector.LATE), rule.info().id(), rule.name());
            alerts.add(detector);
            if (rule.input() == SignalKind.FAILED_LOGIN_BY_ADDRESS
                    || rule.input() == SignalKind.FAILED_LOGIN_BY_USER) {
                DataStream<LoginBurst> b = detector.getSideOutput(ThresholdDetector.BURSTS);
                bursts = bursts == null ? b : bursts.union(b);
            }
        }
        if (bursts != null && kinds.contains(SignalKind.SUCCESSFUL_LOGIN)) {
            String rule = RuleCatalog.AUTH_SUCCESS_AFTER_FAILURES.id();
            SingleOutputStreamOperator<Alert> afterBurst =
                    bursts.keyBy(b -> b.account, Types.STRING)
                            .connect(
                                    signals.getSideOutput(
                                                    SignalTags.of(SignalKind.SUCCESSFUL_LOGIN))
                                            .keyBy(s -> s.key, Types.STRING))
                            .process(new LoginAfterBurst(settings.patterns))
                            .uid(rule)
                            .name(rule + " " + RuleCatalog.AUTH_SUCCESS_AFTER_FAILURES.title());
            countLate(afterBurst.getSideOutput(LoginAfterBurst.LATE), rule, rule);
            alerts.add(afterBurst);
        }
        if (kinds.contains(SignalKind.SENSITIVE_PORT_OPENED)) {
            String rule = RuleCatalog.EXPOSED_PORT_USED.id();
            SingleOutputStreamOperator<Alert> correlation =
                    signals.getSideOutput(SignalTags.of(SignalKind.SENSITIVE_PORT_OPENED))
                            .keyBy(s -> s.key, Types.STRING)
                            .connect(
                                    signals.getSideOutput(SignalTags.of(SignalKind.PUBLIC_INBOUND))
                                            .keyBy(s -> s.key, Types.STRING))
                            .process(new ExposedPortCorrelation(settings.patterns))
                            .uid(rule)
                            .name(rule + " " + RuleCatalog.EXPOSED_PORT_USED.title());
            countLate(correlation.getSideOutput(ExposedPortCorrelation.LATE), rule, rule);
            alerts.add(correlation);
        }
        if (alerts.isEmpty()) {
            return null;
        }
        DataStream<Alert> all = alerts.get(0);
        for (int i = 1; i < alerts.size(); i++) {
            all = all.union(alerts.get(i));
        }
        return all;
    }

    private static void countLate(DataStream<Signal> late, String ruleId, String detector) {
        late.process(new CountLate<>(ruleId))
                .uid(detector + "-late")
                .name(detector + " late records");
    }
}
