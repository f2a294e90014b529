package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;

/**
 * TW-AUTH-02: a successful console sign-in after a TW-AUTH-01 burst for the same user or address.
 * Its window is how long after the burst's last failure a sign-in still counts; its operator joins
 * the bursts with the sign-ins per account.
 */
@AutoService(DetectionRule.class)
public final class SuccessAfterFailuresRule implements DetectionRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-AUTH-02", "Console sign-in succeeded after a burst of failures")
                    .severity(
                            HIGH,
                            "HIGH: a successful console sign-in for a user, or from an address, of a"
                                    + " "
                                    + ConsoleLoginFailuresRule.INFO.id()
                                    + " burst, within 15 minutes of its last failure")
                    .responsibility(IDENTITY)
                    .controls(
                            "CIS-4.6", "CIS-1.10", "SecurityHub-CloudWatch.6", "SecurityHub-IAM.5")
                    .evidence(
                            "userName",
                            "sourceIPAddress",
                            "mfaUsed",
                            "matchedOn",
                            "burstAlertId",
                            "burstFailures",
                            "burstFirstFailure",
                            "burstLastFailure")
                    .stateful(
                            RuleKind.CORRELATION,
                            WindowedRuleSettings.minutes(15, 0),
                            SignalKind.SUCCESSFUL_LOGIN)
                    .techniques("T1110", "T1078.004")
                    .remediation(
                            "Treat the session as compromised until the user confirms it: revoke it, reset"
                                    + " the password, require MFA and review what the session did.");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
