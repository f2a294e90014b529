package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/** TW-IAM-01: the root user at work, unless an AWS service acts for the account. */
@AutoService(DetectionRule.class)
public final class RootActivityRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-IAM-01", "Root user activity")
                    .severity(
                            HIGH,
                            "HIGH for any root call not made by an AWS service on the account's behalf")
                    .responsibility(IDENTITY)
                    .controls("CIS-1.7", "CIS-4.3", "SecurityHub-CloudWatch.1")
                    .evidence("eventName", "sourceIPAddress", "mfaUsed")
                    .techniques("T1078.004")
                    .remediation(
                            "Confirm with the account owner that the root user was meant to be used; lock"
                                    + " the root credentials away and use IAM roles for daily work.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return StatelessRule.EVERY_EVENT;
    }

    @Override
    public boolean isChangeRule() {
        return false;
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        CloudTrailEvent ev = e.event();
        if (ev.userIdentity == null
                || !"Root".equals(ev.userIdentity.type)
                || ev.userIdentity.invokedBy != null
                || "AwsServiceEvent".equals(ev.eventType)) {
            return;
        }
        String mfa =
                "ConsoleLogin".equals(ev.eventName)
                        ? e.additional().path("MFAUsed").asText(null)
                        : ev.userIdentity.mfaAuthenticated == null
                                ? null
                                : ev.userIdentity.mfaAuthenticated ? "Yes" : "No";
        String resource =
                ev.userIdentity.arn != null
                        ? ev.userIdentity.arn
                        : "arn:aws:iam::" + ev.account() + ":root";
        findings.add(
                new Finding(Severity.HIGH, resource, ev.eventName)
                        .with("eventName", ev.eventName)
                        .with("sourceIPAddress", ev.sourceIpAddress)
                        .with("mfaUsed", mfa)
                        .with("errorCode", ev.errorCode));
    }
}
