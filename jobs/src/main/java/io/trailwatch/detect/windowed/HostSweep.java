package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;

/** TW-NETSCAN-01, horizontal: one source reaches at least N distinct hosts on one port. */
public final class HostSweep extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long hosts;

    public HostSweep(WindowedRuleSettings settings) {
        super(
                PortScanRule.INFO.id() + "-hosts",
                PortScanRule.INFO,
                SignalKind.HOST_PROBE,
                settings);
        this.hosts = settings.limit("hosts");
    }

    @Override
    public Compaction compaction() {
        return Compaction.LATEST_PER_VALUE;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.size() >= hosts ? Verdict.ALERT : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String[] k = keyParts(key);
        String source = k[1];
        String port = k[2];
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, PortSweep.severity(i))
                        .title(
                                PatternAlerts.distinct(i)
                                        + " hosts probed on port "
                                        + port
                                        + " by "
                                        + source)
                        .principal(source)
                        .resource("port " + port)
                        .field("distinctHosts", PatternAlerts.distinct(i))
                        .field("hosts", PatternAlerts.list(i.values, i.valuesCapped))
                        .field("port", port)
                        .field("actions", String.join(" ", i.attributes))
                        .field("source", i.trigger.detail);
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
