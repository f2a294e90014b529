package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** TW-IAM-06: a role that anyone, or an account the ownership table does not know, may assume. */
public final class RoleTrustRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.IAM_TRUST;
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
