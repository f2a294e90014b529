package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.GOVERNANCE;
import static io.trailwatch.model.Severity.CRITICAL;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/**
 * TW-ORG-01: the account leaves the organization, SCPs detached or deleted, other Organizations
 * changes.
 */
@AutoService(DetectionRule.class)
public final class OrganizationChangeRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-ORG-01", "AWS Organizations changed")
                    .severity(
                            MEDIUM,
                            "CRITICAL when an account leaves the organization; HIGH when a service"
                                    + " control policy is detached or deleted or an account removed; MEDIUM otherwise")
                    .responsibility(GOVERNANCE)
                    .controls("CIS-4.15")
                    .evidence("target", "change")
                    .techniques("T1666")
                    .remediation(
                            "Confirm the change with the organization's administrators; guardrails that"
                                    + " disappear silently are an attacker's first step to persistence.");

    public OrganizationChangeRule() {
        super(
                of(INFO, "target")
                        .source("organizations.amazonaws.com")
                        .on(CRITICAL, "LeaveOrganization")
                        .on(
                                HIGH,
                                "DetachPolicy",
                                "DeletePolicy",
                                "DisablePolicyType",
                                "RemoveAccountFromOrganization",
                                "DeleteOrganization")
                        .on(
                                MEDIUM,
                                "AcceptHandshake",
                                "AttachPolicy",
                                "CreateAccount",
                                "CreateOrganizationalUnit",
                                "CreatePolicy",
                                "DeclineHandshake",
                                "DeleteOrganizationalUnit",
                                "EnableAllFeatures",
                                "EnablePolicyType",
                                "InviteAccountToOrganization",
                                "MoveAccount",
                                "UpdatePolicy",
                                "UpdateOrganizationalUnit",
                                "DisableAWSServiceAccess",
                                "DeregisterDelegatedAdministrator"));
    }
}
