package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.FlowSignals;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/** TW-NETSCAN-01, vertical: one source reaches at least N distinct ports of one host. */
public final class PortSweep extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long ports;

    public PortSweep(WindowedRuleSettings settings) {
        super(
                PortScanRule.INFO.id() + "-ports",
                PortScanRule.INFO,
                SignalKind.PORT_PROBE,
                settings);
        this.ports = settings.limit("ports");
    }

    @Override
    public Compaction compaction() {
        return Compaction.LATEST_PER_VALUE;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.size() >= ports ? Verdict.ALERT : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String[] k = keyParts(key);
        String source = k[1];
        String host = k[2];
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, severity(i))
                        .title(
                                PatternAlerts.distinct(i)
                                        + " ports of "
                                        + host
                                        + " probed by "
                                        + source)
                        .principal(source)
                        .resource(host)
                        .field("distinctPorts", PatternAlerts.distinct(i))
                        .field(
                                "ports",
                                PatternAlerts.list(PatternAlerts.numeric(i.values), i.valuesCapped))
                        .field("actions", String.join(" ", i.attributes))
                        .field("source", i.trigger.detail);
        return PatternAlerts.finish(b, i, detectedAt);
    }

    /**
     * MEDIUM from inside (lateral movement, or a scanner someone should suppress by name) and from
     * the internet with probes accepted; LOW when the internet knocked and everything was rejected,
     * as it does all day.
     */
    static Severity severity(Incident i) {
        if (FlowSignals.INSIDE.equals(i.trigger.detail)) {
            return Severity.MEDIUM;
        }
        return i.hasAttribute("ACCEPT") ? Severity.MEDIUM : Severity.LOW;
    }
}
