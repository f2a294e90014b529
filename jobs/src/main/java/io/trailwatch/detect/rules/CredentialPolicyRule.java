package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** TW-IAM-07: MFA devices removed; the account password policy deleted or set below CIS 1.8/1.9. */
public final class CredentialPolicyRule implements StatelessRule {
    static final int CIS_MIN_LENGTH = 14;
    static final int CIS_REUSE_PREVENTION = 24;

    @Override
    public RuleInfo info() {
        return RuleCatalog.IAM_CREDENTIAL_POLICY;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "DeactivateMFADevice",
                "DeleteVirtualMFADevice",
                "DeleteAccountPasswordPolicy",
                "UpdateAccountPasswordPolicy");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"iam.amazonaws.com".equals(e.source())) {
            return;
        }
        String account = "arn:aws:iam::" + e.event().account() + ":account-password-policy";
        switch (e.name()) {
            case "DeleteAccountPasswordPolicy":
                findings.add(
                        new Finding(Severity.HIGH, account, "password policy deleted")
                                .with("change", e.name()));
                break;
            case "UpdateAccountPasswordPolicy":
                List<String> shortfalls = shortfalls(e.request());
                if (!shortfalls.isEmpty()) {
                    findings.add(
                            new Finding(Severity.MEDIUM, account, "password policy below CIS")
                                    .with("change", e.name())
                                    .with("shortfalls", String.join("; ", shortfalls)));
                }
                break;
            default:
                String user = e.requestText("userName");
                String device = e.requestText("serialNumber");
                findings.add(
                        new Finding(Severity.MEDIUM, device != null ? device : user, e.name())
                                .with("change", e.name())
                                .with("userName", user)
                                .with("serialNumber", device));
        }
    }

    private static List<String> shortfalls(JsonNode r) {
        List<String> out = new ArrayList<>();
        int length = r.path("minimumPasswordLength").asInt(6);
        if (length < CIS_MIN_LENGTH) {
            out.add("minimum length " + length + " < " + CIS_MIN_LENGTH);
        }
        int reuse = r.path("passwordReusePrevention").asInt(0);
        if (reuse < CIS_REUSE_PREVENTION) {
            out.add("reuse prevention " + reuse + " < " + CIS_REUSE_PREVENTION);
        }
        return out;
    }
}
