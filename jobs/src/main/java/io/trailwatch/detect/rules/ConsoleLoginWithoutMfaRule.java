package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-IAM-02: a successful console sign-in of an IAM user without MFA. Federated and Identity Center
 * sessions are out, as in CIS 4.2: their MFA happens at the identity provider, which CloudTrail
 * does not see.
 */
public final class ConsoleLoginWithoutMfaRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.IAM_NO_MFA;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("ConsoleLogin");
    }

    @Override
    public boolean isChangeRule() {
        return false;
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        CloudTrailEvent ev = e.event();
        if (!"signin.amazonaws.com".equals(ev.eventSource)
                || ev.userIdentity == null
                || !"IAMUser".equals(ev.userIdentity.type)
                || !"Success".equals(e.response().path("ConsoleLogin").asText())
                || !"No".equals(e.additional().path("MFAUsed").asText())) {
            return;
        }
        findings.add(
                new Finding(Severity.MEDIUM, ev.userIdentity.arn, ev.userIdentity.userName)
                        .with("userName", ev.userIdentity.userName)
                        .with("sourceIPAddress", ev.sourceIpAddress));
    }
}
