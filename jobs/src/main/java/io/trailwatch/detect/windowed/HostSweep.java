package io.trailwatch.detect.windowed;

import io.trailwatch.config.PatternSettings;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.signals.SignalKind;
import io.trailwatch.model.Alert;

/** TW-NETSCAN-01, horizontal: one source reaches at least N distinct hosts on one port. */
public final class HostSweep extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long hosts;

    public HostSweep(PatternSettings settings) {
        super(
                "TW-NETSCAN-01-hosts",
                RuleCatalog.PORT_SCAN,
                SignalKind.HOST_PROBE,
                settings.rule(PatternSettings.PORT_SCAN));
        this.hosts = settings.rule(PatternSettings.PORT_SCAN).limit("hosts");
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
