package io.trailwatch.detect.rules;

import static io.trailwatch.model.Severity.CRITICAL;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.LOW;
import static io.trailwatch.model.Severity.MEDIUM;

import io.trailwatch.detect.RuleCatalog;
import java.util.List;
import java.util.Set;

/**
 * The stateless rules, registered in one place (their catalog entries are in {@link RuleCatalog}).
 */
public final class StatelessRules {
    /** What {@link StatelessRule#eventNames()} returns for a rule that looks at every event. */
    public static final Set<String> EVERY_EVENT = Set.of("*");

    private static final String EC2 = "ec2.amazonaws.com";

    private StatelessRules() {}

    public static List<StatelessRule> all() {
        return List.of(
                new CloudTrailLoggingRule(),
                new GuardDutyRule(),
                ChangeByNameRule.of(RuleCatalog.LOG_CONFIG, "recorder")
                        .source("config.amazonaws.com")
                        .on(
                                HIGH,
                                "StopConfigurationRecorder",
                                "DeleteConfigurationRecorder",
                                "DeleteDeliveryChannel")
                        .build(),
                ChangeByNameRule.of(RuleCatalog.LOG_FLOW_LOGS, "flowLogIds")
                        .source(EC2)
                        .on(HIGH, "DeleteFlowLogs")
                        .build(),
                ChangeByNameRule.of(RuleCatalog.LOG_MONITORING, "target")
                        .source("securityhub.amazonaws.com")
                        .on(HIGH, "DisableSecurityHub", "BatchDisableStandards")
                        .source("logs.amazonaws.com")
                        .on(MEDIUM, "DeleteLogGroup")
                        .source("monitoring.amazonaws.com")
                        .on(MEDIUM, "DeleteAlarms", "DisableAlarmActions")
                        .source("events.amazonaws.com")
                        .on(MEDIUM, "DisableRule", "DeleteRule")
                        .build(),
                new RootActivityRule(),
                new ConsoleLoginWithoutMfaRule(),
                new IamPolicyChangeRule(),
                new AccessKeyForOthersRule(),
                ChangeByNameRule.of(RuleCatalog.IAM_USER, "userName")
                        .source("iam.amazonaws.com")
                        .on(LOW, "CreateUser", "UpdateUser")
                        .on(MEDIUM, "CreateLoginProfile", "UpdateLoginProfile")
                        .build(),
                new RoleTrustRule(),
                new CredentialPolicyRule(),
                new SecurityGroupOpenedRule(),
                new NetworkAclRule(),
                ChangeByNameRule.of(RuleCatalog.NET_GATEWAY, "gateway")
                        .source(EC2)
                        .on(
                                LOW,
                                "CreateCustomerGateway",
                                "DeleteCustomerGateway",
                                "CreateInternetGateway",
                                "DeleteInternetGateway",
                                "DetachInternetGateway")
                        .on(MEDIUM, "AttachInternetGateway")
                        .build(),
                ChangeByNameRule.of(RuleCatalog.NET_ROUTE, "routeTableId")
                        .source(EC2)
                        .on(
                                LOW,
                                "CreateRoute",
                                "CreateRouteTable",
                                "ReplaceRoute",
                                "ReplaceRouteTableAssociation",
                                "DeleteRouteTable",
                                "DeleteRoute",
                                "DisassociateRouteTable")
                        .evidence(
                                "destinationCidrBlock",
                                "gatewayId",
                                "natGatewayId",
                                "vpcPeeringConnectionId")
                        .build(),
                ChangeByNameRule.of(RuleCatalog.NET_VPC, "vpcId")
                        .source(EC2)
                        .on(
                                LOW,
                                "CreateVpc",
                                "DeleteVpc",
                                "ModifyVpcAttribute",
                                "AttachClassicLinkVpc",
                                "DetachClassicLinkVpc",
                                "DisableVpcClassicLink",
                                "EnableVpcClassicLink")
                        .on(
                                MEDIUM,
                                "CreateVpcPeeringConnection",
                                "AcceptVpcPeeringConnection",
                                "DeleteVpcPeeringConnection",
                                "RejectVpcPeeringConnection")
                        .evidence("peerOwnerId")
                        .build(),
                ChangeByNameRule.of(RuleCatalog.NET_WAF, "webAcl")
                        .source("wafv2.amazonaws.com")
                        .on(HIGH, "DeleteWebACL", "DisassociateWebACL")
                        .on(MEDIUM, "UpdateWebACL", "DeleteRuleGroup", "UpdateRuleGroup")
                        .source("waf.amazonaws.com")
                        .on(HIGH, "DeleteWebACL")
                        .on(MEDIUM, "UpdateWebACL", "DeleteRule", "UpdateRule")
                        .source("waf-regional.amazonaws.com")
                        .on(HIGH, "DeleteWebACL", "DisassociateWebACL")
                        .on(MEDIUM, "UpdateWebACL", "DeleteRule", "UpdateRule")
                        .build(),
                new PublicBucketRule(),
                new BucketProtectionRule(),
                new SnapshotSharedRule(),
                new PublicDatabaseRule(),
                new PublicResourcePolicyRule(),
                ChangeByNameRule.of(RuleCatalog.KMS_KEY_DISABLED, "keyId")
                        .source("kms.amazonaws.com")
                        .on(HIGH, "DisableKey", "ScheduleKeyDeletion")
                        .evidence("pendingWindowInDays")
                        .build(),
                ChangeByNameRule.of(RuleCatalog.KMS_KEY_PROTECTION, "keyId")
                        .source("kms.amazonaws.com")
                        .on(MEDIUM, "DisableKeyRotation")
                        .on(HIGH, "DeleteImportedKeyMaterial")
                        .build(),
                new ImdsV1Rule(),
                new InstanceBootChangeRule(),
                ChangeByNameRule.of(RuleCatalog.ORG_CHANGE, "target")
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
                                "DeregisterDelegatedAdministrator")
                        .build());
    }
}
