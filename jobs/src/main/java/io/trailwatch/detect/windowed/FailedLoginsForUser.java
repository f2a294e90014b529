package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-AUTH-01 for one user: at least N failed console sign-ins for one user within the window. When
 * one address accounts for N of them, that address's detector reports the burst (the brute force is
 * one incident, not two), so this one opens the incident silently; it alerts on its own for the
 * distributed case, failures spread over addresses none of which reaches N.
 */
public final class FailedLoginsForUser extends ThresholdRule implements LoginBurstSource {
    private static final long serialVersionUID = 1L;

    private final long failures;

    public FailedLoginsForUser(WindowedRuleSettings settings) {
        super(
                ConsoleLoginFailuresRule.INFO.id() + "-user",
                ConsoleLoginFailuresRule.INFO,
                SignalKind.FAILED_LOGIN_BY_USER,
                settings);
        this.failures = settings.limit("failures");
    }

    @Override
    public Verdict judge(BurstWindow window) {
        if (window.count() < failures) {
            return Verdict.NONE;
        }
        return window.maxCountPerValue() >= failures ? Verdict.ABSORB : Verdict.ALERT;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String user = keyParts(key)[1];
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.MEDIUM)
                        .title(
                                i.count
                                        + " failures for "
                                        + user
                                        + " from "
                                        + PatternAlerts.distinct(i)
                                        + " addresses")
                        .field("failures", i.count)
                        .field("pattern", "distributed brute force")
                        .field("userName", user)
                        .field("distinctAddresses", PatternAlerts.distinct(i))
                        .field("sourceAddresses", PatternAlerts.list(i.values, i.valuesCapped));
        return PatternAlerts.finish(b, i, detectedAt);
    }

    @Override
    public LoginBurst burst(String key, Incident i, String alertId) {
        String[] k = keyParts(key);
        return LoginBurst.of(k[0], alertId, i, new String[] {k[1]}, i.values);
    }
}
