package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-NETSCAN-02: at least N connections from one public address to port 22 or 3389 of one host. A
 * connection is a distinct source port: a long session spread over several flow records counts
 * once.
 */
public final class AdminPortAttempts extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long connections;

    public AdminPortAttempts(WindowedRuleSettings settings) {
        super(
                AdminPortAttemptsRule.INFO.id(),
                AdminPortAttemptsRule.INFO,
                SignalKind.ADMIN_CONNECTION,
                settings);
        this.connections = settings.limit("connections");
    }

    @Override
    public Compaction compaction() {
        return Compaction.LATEST_PER_VALUE;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.size() >= connections ? Verdict.ALERT : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String[] k = keyParts(key);
        String source = k[1];
        String host = k[2];
        String port = k[3];
        boolean accepted = i.hasAttribute("ACCEPT");
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, accepted ? Severity.HIGH : Severity.MEDIUM)
                        .title(
                                PatternAlerts.distinct(i)
                                        + " connections from "
                                        + source
                                        + " to "
                                        + host
                                        + ":"
                                        + port
                                        + (accepted ? ", accepted" : ", all rejected"))
                        .principal(source)
                        .resource(host)
                        .field("connections", PatternAlerts.distinct(i))
                        .field("port", port)
                        .field("destination", host)
                        .field("accepted", accepted)
                        .field("actions", String.join(" ", i.attributes));
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
