package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;
import java.util.TreeSet;

/**
 * TW-RECON-02: one principal calls at least N distinct read-only APIs across at least M services
 * within the window. Values are "service:API", so the services are their prefixes.
 */
public final class ReadOnlySweep extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long apis;
    private final long services;

    public ReadOnlySweep(WindowedRuleSettings settings) {
        super(
                ReadOnlySweepRule.INFO.id(),
                ReadOnlySweepRule.INFO,
                SignalKind.READ_ONLY_CALL,
                settings);
        this.apis = settings.limit("apis");
        this.services = settings.limit("services");
    }

    @Override
    public Compaction compaction() {
        return Compaction.LATEST_PER_VALUE;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.size() >= apis && window.distinctPrefixes(':') >= services
                ? Verdict.ALERT
                : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        TreeSet<String> svc = new TreeSet<>();
        for (String api : i.values) {
            svc.add(api.substring(0, Math.max(0, api.indexOf(':'))));
        }
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.MEDIUM)
                        .title(
                                PatternAlerts.distinct(i)
                                        + " read-only APIs across "
                                        + svc.size()
                                        + " services by "
                                        + Names.shortPrincipal(i.trigger.principal))
                        .field("distinctApis", PatternAlerts.distinct(i))
                        .field("distinctServices", svc.size())
                        .field("services", String.join(" ", svc))
                        .field("apis", PatternAlerts.list(i.values, i.valuesCapped));
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
