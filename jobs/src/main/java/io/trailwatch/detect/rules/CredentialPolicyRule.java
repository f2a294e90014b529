package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.MEDIUM;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** TW-IAM-07: MFA devices removed; the account password policy deleted or set below CIS 1.8/1.9. */
@AutoService(DetectionRule.class)
public final class CredentialPolicyRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-IAM-07", "MFA device removed or password policy weakened")
                    .severity(
                            MEDIUM,
                            "HIGH when the account password policy is deleted; MEDIUM when an MFA"
                                    + " device is deactivated or deleted, or the new policy falls short of CIS"
                                    + " (length 14, reuse prevention 24)")
                    .responsibility(IDENTITY)
                    .controls("CIS-1.8", "CIS-1.9", "SecurityHub-IAM.7")
                    .evidence("change", "userName", "shortfalls")
                    .techniques("T1556.006", "T1556")
                    .remediation(
                            "Re-enable MFA for the user or restore a password policy that meets CIS 1.8 and"
                                    + " 1.9.");

    static final int CIS_MIN_LENGTH = 14;
    static final int CIS_REUSE_PREVENTION = 24;

    @Override
    public RuleInfo info() {
        return INFO;
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
