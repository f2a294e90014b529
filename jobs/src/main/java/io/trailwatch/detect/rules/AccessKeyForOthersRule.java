package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/** TW-IAM-04: an access key for the root user, or made by someone for another user. */
public final class AccessKeyForOthersRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.IAM_ACCESS_KEY;
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
