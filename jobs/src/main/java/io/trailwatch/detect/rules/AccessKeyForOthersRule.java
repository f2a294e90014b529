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

/** TW-IAM-04: an access key for the root user, or made by someone for another user. */
@AutoService(DetectionRule.class)
public final class AccessKeyForOthersRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-IAM-04", "Access key created for root or for another user")
                    .severity(
                            HIGH,
                            "CRITICAL for a root access key; HIGH for a key made for another user")
                    .responsibility(IDENTITY)
                    .controls("CIS-1.4", "SecurityHub-IAM.4")
                    .evidence("forUser", "accessKeyId")
                    .techniques("T1098.001")
                    .remediation(
                            "Confirm the key was requested by its user; deactivate and delete it otherwise."
                                    + " Root must have no access keys.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("CreateAccessKey");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        CloudTrailEvent ev = e.event();
        if (!"iam.amazonaws.com".equals(ev.eventSource) || ev.userIdentity == null) {
            return;
        }
        String forUser = e.requestText("userName");
        String keyId = e.response().path("accessKey").path("accessKeyId").asText(null);
        if ("Root".equals(ev.userIdentity.type) && forUser == null) {
            findings.add(
                    new Finding(
                                    Severity.CRITICAL,
                                    "arn:aws:iam::" + ev.account() + ":root",
                                    "root access key")
                            .with("forUser", "root")
                            .with("accessKeyId", keyId));
            return;
        }
        boolean self =
                "IAMUser".equals(ev.userIdentity.type)
                        && forUser != null
                        && forUser.equals(ev.userIdentity.userName);
        if (forUser != null && !self) {
            findings.add(
                    new Finding(
                                    Severity.HIGH,
                                    "arn:aws:iam::" + ev.account() + ":user/" + forUser,
                                    "for " + forUser)
                            .with("forUser", forUser)
                            .with("accessKeyId", keyId));
        }
    }
}
