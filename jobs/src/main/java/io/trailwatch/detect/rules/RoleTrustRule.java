package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.HIGH;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** TW-IAM-06: a role that anyone, or an account the ownership table does not know, may assume. */
@AutoService(DetectionRule.class)
public final class RoleTrustRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule(
                            "TW-IAM-06",
                            "Role trust policy opened to everyone or to an unknown account")
                    .severity(
                            HIGH,
                            "CRITICAL when the role can be assumed by anyone (\"*\" without a"
                                    + " restricting condition); HIGH when it trusts an account the ownership table does"
                                    + " not know")
                    .responsibility(IDENTITY)
                    .controls("CIS-4.4")
                    .evidence("role", "trusted")
                    .techniques("T1098.003")
                    .remediation(
                            "Restrict the trust policy to known principals (and aws:PrincipalOrgID or an"
                                    + " external id for third parties), or add the account to the ownership table.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("CreateRole", "UpdateAssumeRolePolicy");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"iam.amazonaws.com".equals(e.source())) {
            return;
        }
        JsonNode doc =
                e.request()
                        .path(
                                e.name().equals("CreateRole")
                                        ? "assumeRolePolicyDocument"
                                        : "policyDocument");
        if (doc.isMissingNode()) {
            return;
        }
        String role = e.requestText("roleName");
        PolicyDocument policy = PolicyDocument.of(doc);
        if (!policy.publicStatements().isEmpty()) {
            findings.add(
                    new Finding(Severity.CRITICAL, role, "assumable by anyone")
                            .with("role", role)
                            .with("trusted", "*"));
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String account : policy.principalAccounts()) {
            if (!account.equals(e.event().account()) && !context.isKnownAccount(account)) {
                unknown.add(account);
            }
        }
        if (!unknown.isEmpty()) {
            findings.add(
                    new Finding(
                                    Severity.HIGH,
                                    role,
                                    "trusts unknown account " + String.join(", ", unknown))
                            .with("role", role)
                            .with("trusted", String.join(" ", unknown)));
        }
    }
}
