package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
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
@AutoService(DetectionRule.class)
public final class ConsoleLoginWithoutMfaRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-IAM-02", "IAM user console login without MFA")
                    .severity(
                            MEDIUM,
                            "MEDIUM for every successful IAM-user console sign-in without MFA")
                    .responsibility(IDENTITY)
                    .controls(
                            "CIS-1.10", "CIS-4.2", "SecurityHub-IAM.5", "SecurityHub-CloudWatch.3")
                    .evidence("userName", "sourceIPAddress")
                    .techniques("T1078.004")
                    .remediation(
                            "Require MFA for this user (or move the user to IAM Identity Center) and confirm"
                                    + " the sign-in was theirs.");

    @Override
    public RuleInfo info() {
        return INFO;
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
