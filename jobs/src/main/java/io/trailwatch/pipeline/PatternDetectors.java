package io.trailwatch.pipeline;

import io.trailwatch.config.ConfigException;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.operators.ExposedPortCorrelation;
import io.trailwatch.detect.operators.InsideAwsCredentialCorrelation;
import io.trailwatch.detect.operators.LoginAfterBurst;
import io.trailwatch.detect.operators.SignalTags;
import io.trailwatch.detect.operators.ThresholdDetector;
import io.trailwatch.detect.sigma.CorrelationDetectorRules;
import io.trailwatch.detect.sigma.SigmaCorrelationRule;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.ConsoleLoginFailuresRule;
import io.trailwatch.detect.windowed.ExposedPortUsedRule;
import io.trailwatch.detect.windowed.InstanceCredentialsInsideAwsRule;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.LoginBurstSource;
import io.trailwatch.detect.windowed.SuccessAfterFailuresRule;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.WindowedRule;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The windowed and stateful part of the graph, built from the rule registry:
 *
 * <pre>
 * CloudTrail signals ─┬▶ keyBy ─▶ AUTH-01, RECON-01/02, CRED-01, EXFIL-01 ─▶ alerts
 * (AnalysisOperator)  │           └ AUTH-01 bursts ─┐
 *                     ├▶ sign-ins ─▶ keyBy account ─▶ AUTH-02 ─▶ alerts
 *                     ├▶ port openings ─▶ keyBy account+port ─▶ CORR-01 ─▶ alerts
 *                     └▶ addresses given, credentials used from AWS ─▶ keyBy address ─▶ CRED-02 ─▶ alerts
 * flow signals ───────┬▶ keyBy ─▶ NETSCAN-01/02, EXFIL-02 ─▶ alerts     ▲
 *                     └▶ public inbound ─▶ keyBy account+port ──────────┘
 * </pre>
 *
 * Every threshold rule of the registry gets one detector per piece of counting logic; the three
 * joins have operators of their own. Every stateful operator has the uid of its detector (the
 * threshold detectors' with the version of their state's layout), and every detector's late records
 * are counted under its rule id.
 */
final class PatternDetectors {
    /** The uid, name and late-record counter of the rule files' correlations' detector. */
    static final String CORRELATIONS = "rule-file-correlations";

    /** The same for the correlations of correlations. */
    static final String NESTED_CORRELATIONS = "rule-file-correlations-of-correlations";

    private final PipelineSettings settings;
    private final RuleRegistry registry;

    /** Each stateful rule's settings: declared defaults with the deployment's tuning. */
    private final Map<String, WindowedRuleSettings> ruleSettings;

    PatternDetectors(PipelineSettings settings, RuleRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        try {
            this.ruleSettings = registry.settings(settings.rules.tuning);
        } catch (ConfigException e) {
            // entry points check the tuning before they build a graph
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The signals the enabled rules need: the analysis extracts only these. */
    EnumSet<SignalKind> signalKinds() {
        EnumSet<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        for (RuleInfo rule : registry.catalog()) {
            if (settings.rules.isEnabled(rule.id())) {
                kinds.addAll(rule.signals());
            }
        }
        if (!settings.rules.isEnabled(ConsoleLoginFailuresRule.INFO.id())) {
            // no bursts, nothing for TW-AUTH-02 to follow
            kinds.remove(SignalKind.SUCCESSFUL_LOGIN);
        }
        return kinds;
    }

    /**
     * The alerts of every enabled stateful rule, or {@code null} when none is enabled.
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
        CorrelationDetectorRules correlations = new CorrelationDetectorRules();
        CorrelationDetectorRules nested = new CorrelationDetectorRules();
        for (WindowedRule declared : registry.rules(WindowedRule.class)) {
            String id = declared.info().id();
            if (!settings.rules.isEnabled(id)) {
                continue;
            }
            if (declared instanceof SigmaCorrelationRule c) {
                for (ThresholdRule rule : declared.detectors(ruleSettings.get(id))) {
                    (c.depth() == 1 ? correlations : nested).add(id, rule);
                }
                continue;
            }
            for (ThresholdRule rule : declared.detectors(ruleSettings.get(id))) {
                SingleOutputStreamOperator<Alert> detector = thresholdDetector(signals, rule);
                alerts.add(detector);
                if (rule instanceof LoginBurstSource) {
                    DataStream<LoginBurst> b = detector.getSideOutput(ThresholdDetector.BURSTS);
                    bursts = bursts == null ? b : bursts.union(b);
                }
            }
        }
        if (!correlations.isEmpty()) {
            SingleOutputStreamOperator<Alert> first =
                    correlationDetector(
                            signals.getSideOutput(SignalTags.of(SignalKind.RULE_FILE_MATCH)),
                            correlations,
                            CORRELATIONS);
            alerts.add(first);
            if (!nested.isEmpty()) {
                alerts.add(
                        correlationDetector(
                                first.getSideOutput(ThresholdDetector.FEEDS),
                                nested,
                                NESTED_CORRELATIONS));
            }
        }
        if (bursts != null && kinds.contains(SignalKind.SUCCESSFUL_LOGIN)) {
            RuleInfo rule = SuccessAfterFailuresRule.INFO;
            SingleOutputStreamOperator<Alert> afterBurst =
                    bursts.keyBy(b -> b.account, Types.STRING)
                            .connect(
                                    signals.getSideOutput(
                                                    SignalTags.of(SignalKind.SUCCESSFUL_LOGIN))
                                            .keyBy(s -> s.key, Types.STRING))
                            .process(
                                    new LoginAfterBurst(
                                            ruleSettings.get(ConsoleLoginFailuresRule.INFO.id()),
                                            ruleSettings.get(rule.id())))
                            .uid(rule.id())
                            .name(rule.id() + " " + rule.title());
            countLate(afterBurst.getSideOutput(LoginAfterBurst.LATE), rule.id(), rule.id());
            alerts.add(afterBurst);
        }
        if (kinds.contains(SignalKind.SENSITIVE_PORT_OPENED)) {
            RuleInfo rule = ExposedPortUsedRule.INFO;
            SingleOutputStreamOperator<Alert> correlation =
                    signals.getSideOutput(SignalTags.of(SignalKind.SENSITIVE_PORT_OPENED))
                            .keyBy(s -> s.key, Types.STRING)
                            .connect(
                                    signals.getSideOutput(SignalTags.of(SignalKind.PUBLIC_INBOUND))
                                            .keyBy(s -> s.key, Types.STRING))
                            .process(new ExposedPortCorrelation(ruleSettings.get(rule.id())))
                            .uid(rule.id())
                            .name(rule.id() + " " + rule.title());
            countLate(correlation.getSideOutput(ExposedPortCorrelation.LATE), rule.id(), rule.id());
            alerts.add(correlation);
        }
        if (kinds.contains(SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS)) {
            RuleInfo rule = InstanceCredentialsInsideAwsRule.INFO;
            SingleOutputStreamOperator<Alert> insideAws =
                    signals.getSideOutput(SignalTags.of(SignalKind.ADDRESS_HELD))
                            .keyBy(s -> s.key, Types.STRING)
                            .connect(
                                    signals.getSideOutput(
                                                    SignalTags.of(
                                                            SignalKind
                                                                    .INSTANCE_CREDENTIALS_INSIDE_AWS))
                                            .keyBy(s -> s.key, Types.STRING))
                            .process(
                                    new InsideAwsCredentialCorrelation(ruleSettings.get(rule.id())))
                            .uid(rule.id())
                            .name(rule.id() + " " + rule.title());
            countLate(
                    insideAws.getSideOutput(InsideAwsCredentialCorrelation.LATE),
                    rule.id(),
                    rule.id());
            alerts.add(insideAws);
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

    /**
     * @param correlation for a correlation of a rule file, its id: its matches have a side output
     *     of their own
     */
    private static SingleOutputStreamOperator<Alert> thresholdDetector(
            SingleOutputStreamOperator<Alert> signals, ThresholdRule rule) {
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
        countLate(detector.getSideOutput(ThresholdDetector.LATE), rule.info().id(), rule.name());
        return detector;
    }

    /**
     * The one detector of every correlation of the rule files (one for the correlations of rules,
     * one for the correlations of correlations, fed by the first's reports): a match's key names
     * its correlation, whose counting logic the detector runs for it.
     */
    private static SingleOutputStreamOperator<Alert> correlationDetector(
            DataStream<Signal> matches, CorrelationDetectorRules correlations, String name) {
        SingleOutputStreamOperator<Alert> detector =
                matches.keyBy(s -> s.key, Types.STRING)
                        .transform(
                                name + " (rule files)",
                                TypeInformation.of(Alert.class),
                                new ThresholdDetector(correlations))
                        .uid(name + "-v2");
        countLate(detector.getSideOutput(ThresholdDetector.LATE), name, name);
        return detector;
    }

    private static void countLate(DataStream<Signal> late, String ruleId, String detector) {
        late.process(new CountLate<>(ruleId))
                .uid(detector + "-late")
                .name(detector + " late records");
    }
}
