package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/** TW-IAM-01: the root user at work, unless an AWS service acts for the account. */
public final class RootActivityRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.IAM_ROOT;
    }

    @Override
    public Set<String> eventNames() {
        return StatelessRules.EVERY_EVENT;
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
