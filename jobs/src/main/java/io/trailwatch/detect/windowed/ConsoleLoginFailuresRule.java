package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.util.List;

/**
 * TW-AUTH-01: console brute force from one address, distributed brute force on one user, and
 * password spraying.
 */
@AutoService(DetectionRule.class)
public final class ConsoleLoginFailuresRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule(
                            "TW-AUTH-01",
                            "Console sign-in failures: brute force or password spraying")
                    .severity(
                            MEDIUM,
                            "MEDIUM for every burst: at least 5 failed console sign-ins for one user or"
                                    + " from one address within 5 minutes, or failures for at least 5"
                                    + " distinct users from one address (password spraying); one alert per"
                                    + " burst")
                    .responsibility(IDENTITY)
                    .controls("CIS-4.6", "SecurityHub-CloudWatch.6")
                    .evidence(
                            "failures",
                            "pattern",
                            "sourceIPAddress",
                            "distinctUsers",
                            "users",
                            "userName",
                            "distinctAddresses",
                            "sourceAddresses")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(5, 5)
                                    .limit("failures", 5)
                                    .limit("users", 5),
                            SignalKind.FAILED_LOGIN_BY_ADDRESS,
                            SignalKind.FAILED_LOGIN_BY_USER)
                    .techniques("T1110.001", "T1110.003")
                    .remediation(
                            "Block the source address (WAF, network ACL) and check the targeted users:"
                                    + " require MFA and reset passwords that may have been guessed.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new FailedLoginsFromAddress(settings), new FailedLoginsForUser(settings));
    }
}
