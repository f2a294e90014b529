package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.LOW;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-IAM-03: IAM policies created, attached, written or removed; HIGH when they grant full admin.
 */
@AutoService(DetectionRule.class)
public final class IamPolicyChangeRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-IAM-03", "IAM policy changed")
                    .severity(
                            LOW,
                            "HIGH when the policy attached or written is admin-equivalent"
                                    + " (AdministratorAccess, or Action \"*\" on Resource \"*\"); LOW otherwise")
                    .responsibility(IDENTITY)
                    .controls(
                            "CIS-1.16", "CIS-4.4", "SecurityHub-IAM.1", "SecurityHub-CloudWatch.4")
                    .evidence("policy", "target", "adminEquivalent")
                    .techniques("T1098", "T1098.003")
                    .remediation(
                            "Review the change against least privilege; detach full-administrator policies"
                                    + " from users and roles that do not need them.");

    private static final String ADMIN_POLICY = ":policy/AdministratorAccess";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "CreatePolicy",
                "CreatePolicyVersion",
                "DeletePolicy",
                "DeletePolicyVersion",
                "SetDefaultPolicyVersion",
                "AttachUserPolicy",
                "DetachUserPolicy",
                "AttachGroupPolicy",
                "DetachGroupPolicy",
                "AttachRolePolicy",
                "DetachRolePolicy",
                "PutUserPolicy",
                "PutGroupPolicy",
                "PutRolePolicy",
                "DeleteUserPolicy",
                "DeleteGroupPolicy",
                "DeleteRolePolicy");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"iam.amazonaws.com".equals(e.source())) {
            return;
        }
        String policy = e.requestText("policyArn", "policyName");
        String target = e.requestText("userName", "roleName", "groupName");
        boolean granting = !e.name().startsWith("Delete") && !e.name().startsWith("Detach");
        boolean admin = granting && isAdminEquivalent(e);
        findings.add(
                new Finding(
                                admin ? Severity.HIGH : Severity.LOW,
                                target != null ? target : policy,
                                e.name() + (admin ? " (admin-equivalent)" : ""))
                        .with("policy", policy)
                        .with("target", target)
                        .with("change", e.name())
                        .with("adminEquivalent", admin));
    }

    private static boolean isAdminEquivalent(EventView e) {
        String arn = e.requestText("policyArn");
        if (arn != null && arn.endsWith(ADMIN_POLICY)) {
            return true;
        }
        JsonNode doc = e.request().path("policyDocument");
        if (doc.isMissingNode()) {
            return false;
        }
        for (JsonNode st : statements(EventView.document(doc))) {
            boolean allow = "Allow".equalsIgnoreCase(st.path("Effect").asText());
            List<String> actions = PolicyDocument.actions(st);
            List<String> resources = PolicyDocument.values(st.path("Resource"));
            if (allow
                    && (actions.contains("*") || actions.contains("*:*"))
                    && resources.contains("*")) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> statements(JsonNode doc) {
        JsonNode s = doc.path("Statement");
        return s.isArray() ? Json.items(s) : s.isObject() ? List.of(s) : List.of();
    }
}
