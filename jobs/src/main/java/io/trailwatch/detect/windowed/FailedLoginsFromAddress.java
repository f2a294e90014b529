package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-AUTH-01 from one address: at least N failed console sign-ins from one source address within
 * the window, whether for one user (brute force) or for many (password spraying, when the distinct
 * users reach their own threshold). Distinct users imply as many failures, so the failure count
 * alone opens the incident; the user count names the pattern.
 */
public final class FailedLoginsFromAddress extends ThresholdRule implements LoginBurstSource {
    private static final long serialVersionUID = 1L;

    private final long failures;
    private final long users;

    public FailedLoginsFromAddress(WindowedRuleSettings settings) {
        super(
                ConsoleLoginFailuresRule.INFO.id() + "-address",
                ConsoleLoginFailuresRule.INFO,
                SignalKind.FAILED_LOGIN_BY_ADDRESS,
                settings);
        this.failures = settings.limit("failures");
        this.users = settings.limit("users");
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.count() >= failures || window.distinctValues().size() >= users
                ? Verdict.ALERT
                : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String[] k = keyParts(key);
        String account = k[0];
        String address = k[1];
        boolean spraying = i.values.length >= users;
        String title =
                spraying
                        ? "password spraying from " + address + ", " + i.values.length + " users"
                        : i.count
                                + " failures from "
                                + address
                                + (i.values.length == 1 ? " for " + i.values[0] : "");
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.MEDIUM)
                        .title(title)
                        .principal(address)
                        .resource(i.values.length == 1 ? userArn(account, i.values[0]) : address)
                        .field("failures", i.count)
                        .field(
                                "pattern",
                                spraying
                                        ? "password spraying"
                                        : i.values.length == 1 ? "brute force" : "failures")
                        .field("sourceIPAddress", address)
                        .field("distinctUsers", PatternAlerts.distinct(i))
                        .field("users", PatternAlerts.list(i.values, i.valuesCapped));
        return PatternAlerts.finish(b, i, detectedAt);
    }

    @Override
    public LoginBurst burst(String key, Incident i, String alertId) {
        String[] k = keyParts(key);
        return LoginBurst.of(k[0], alertId, i, i.values, new String[] {k[1]});
    }

    static String userArn(String account, String user) {
        return "root".equals(user)
                ? "arn:aws:iam::" + account + ":root"
                : "arn:aws:iam::" + account + ":user/" + user;
    }
}
