package io.trailwatch.detect;

import static io.trailwatch.detect.RuleInfo.rule;
import static io.trailwatch.model.Responsibility.COMPUTE;
import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Responsibility.ENCRYPTION;
import static io.trailwatch.model.Responsibility.GOVERNANCE;
import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.CRITICAL;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.LOW;
import static io.trailwatch.model.Severity.MEDIUM;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule Trailwatch has, registered in one place: ids (the contract of DESIGN.md §7), titles,
 * severities, shared-responsibility areas, control mappings (CIS AWS Foundations Benchmark v3.0 and
 * the matching AWS Security Hub controls), evidence and remediation. {@code trailwatch rules} and
 * docs/RULES.md are made from it.
 */
public final class RuleCatalog {
    private static final String CIS = "CIS-";
    private static final String HUB = "SecurityHub-";

    public static final RuleInfo LOG_CLOUDTRAIL =
            rule("TW-LOG-01", "CloudTrail logging stopped or reduced")
                    .severity(
                            HIGH,
                            "CRITICAL when logging is stopped or the trail deleted; HIGH when an update or"
                                    + " event selectors stop recording management events")
                    .responsibility(LOGGING_MONITORING)
                    .controls(CIS + "3.1", CIS + "4.5", HUB + "CloudTrail.1", HUB + "CloudWatch.5")
                    .evidence("trail", "change")
                    .remediation(
                            "Restart logging (StartLogging) or restore the trail and its management-event"
                                    + " selectors, and find out who stopped it and why: attackers do this first.");

    public static final RuleInfo LOG_GUARDDUTY =
            rule("TW-LOG-02", "GuardDuty disabled or its findings suppressed")
                    .severity(
                            HIGH,
                            "HIGH when a detector is deleted or disabled or an account leaves its"
                                    + " administrator; MEDIUM when an archive filter or a trusted IP list changes")
                    .responsibility(LOGGING_MONITORING)
                    .controls(HUB + "GuardDuty.1")
                    .evidence("detectorId", "change")
                    .remediation(
                            "Re-enable the detector or remove the new archive filter or trusted IP list, and"
                                    + " review findings archived since the change.");

    public static final RuleInfo LOG_CONFIG =
            rule("TW-LOG-03", "AWS Config recording stopped or removed")
                    .severity(HIGH, "HIGH for every matching change")
                    .responsibility(LOGGING_MONITORING)
                    .controls(CIS + "3.3", CIS + "4.9", HUB + "Config.1", HUB + "CloudWatch.9")
                    .evidence("recorder", "change")
                    .remediation(
                            "Start the configuration recorder again (StartConfigurationRecorder) and restore"
                                    + " its delivery channel.");

    public static final RuleInfo LOG_FLOW_LOGS =
            rule("TW-LOG-04", "VPC flow logs deleted")
                    .severity(HIGH, "HIGH for every deletion")
                    .responsibility(LOGGING_MONITORING)
                    .controls(CIS + "3.7", HUB + "EC2.6")
                    .evidence("flowLogIds")
                    .remediation(
                            "Recreate the flow logs for the affected VPCs, subnets or interfaces.");

    public static final RuleInfo LOG_MONITORING =
            rule("TW-LOG-05", "Security monitoring disabled")
                    .severity(
                            MEDIUM,
                            "HIGH when Security Hub is disabled; MEDIUM for deleted log groups or"
                                    + " alarms, disabled alarm actions and disabled or deleted EventBridge rules")
                    .responsibility(LOGGING_MONITORING)
                    .controls(CIS + "4.16")
                    .evidence("target", "change")
                    .remediation(
                            "Restore the monitoring that was removed and check what it would have caught"
                                    + " in the meantime.");

    public static final RuleInfo IAM_ROOT =
            rule("TW-IAM-01", "Root user activity")
                    .severity(
                            HIGH,
                            "HIGH for any root call not made by an AWS service on the account's behalf")
                    .responsibility(IDENTITY)
                    .controls(CIS + "1.7", CIS + "4.3", HUB + "CloudWatch.1")
                    .evidence("eventName", "sourceIPAddress", "mfaUsed")
                    .remediation(
                            "Confirm with the account owner that the root user was meant to be used; lock"
                                    + " the root credentials away and use IAM roles for daily work.");

    public static final RuleInfo IAM_NO_MFA =
            rule("TW-IAM-02", "IAM user console login without MFA")
                    .severity(
                            MEDIUM,
                            "MEDIUM for every successful IAM-user console sign-in without MFA")
                    .responsibility(IDENTITY)
                    .controls(CIS + "1.10", CIS + "4.2", HUB + "IAM.5", HUB + "CloudWatch.3")
                    .evidence("userName", "sourceIPAddress")
                    .remediation(
                            "Require MFA for this user (or move the user to IAM Identity Center) and confirm"
                                    + " the sign-in was theirs.");

    public static final RuleInfo IAM_POLICY =
            rule("TW-IAM-03", "IAM policy changed")
                    .severity(
                            LOW,
                            "HIGH when the policy attached or written is admin-equivalent"
                                    + " (AdministratorAccess, or Action \"*\" on Resource \"*\"); LOW otherwise")
                    .responsibility(IDENTITY)
                    .controls(CIS + "1.16", CIS + "4.4", HUB + "IAM.1", HUB + "CloudWatch.4")
                    .evidence("policy", "target", "adminEquivalent")
                    .remediation(
                            "Review the change against least privilege; detach full-administrator policies"
                                    + " from users and roles that do not need them.");

    public static final RuleInfo IAM_ACCESS_KEY =
            rule("TW-IAM-04", "Access key created for root or for another user")
                    .severity(
                            HIGH,
                            "CRITICAL for a root access key; HIGH for a key made for another user")
                    .responsibility(IDENTITY)
                    .controls(CIS + "1.4", HUB + "IAM.4")
                    .evidence("forUser", "accessKeyId")
                    .remediation(
                            "Confirm the key was requested by its user; deactivate and delete it otherwise."
                                    + " Root must have no access keys.");

    public static final RuleInfo IAM_USER =
            rule("TW-IAM-05", "IAM user or console password created or changed")
                    .severity(
                            LOW,
                            "MEDIUM when a console password (login profile) is created or changed for a"
                                    + " user; LOW for user creation or updates")
                    .responsibility(IDENTITY)
                    .controls(CIS + "1.11")
                    .evidence("userName", "change")
                    .remediation(
                            "Confirm the change with the user's team; prefer federated or IAM Identity Center"
                                    + " access to long-lived IAM users.");

    public static final RuleInfo IAM_TRUST =
            rule("TW-IAM-06", "Role trust policy opened to everyone or to an unknown account")
                    .severity(
                            HIGH,
                            "CRITICAL when the role can be assumed by anyone (\"*\" without a"
                                    + " restricting condition); HIGH when it trusts an account the ownership table does"
                                    + " not know")
                    .responsibility(IDENTITY)
                    .controls(CIS + "4.4")
                    .evidence("role", "trusted")
                    .remediation(
                            "Restrict the trust policy to known principals (and aws:PrincipalOrgID or an"
                                    + " external id for third parties), or add the account to the ownership table.");

    public static final RuleInfo IAM_CREDENTIAL_POLICY =
            rule("TW-IAM-07", "MFA device removed or password policy weakened")
                    .severity(
                            MEDIUM,
                            "HIGH when the account password policy is deleted; MEDIUM when an MFA"
                                    + " device is deactivated or deleted, or the new policy falls short of CIS"
                                    + " (length 14, reuse prevention 24)")
                    .responsibility(IDENTITY)
                    .controls(CIS + "1.8", CIS + "1.9", HUB + "IAM.7")
                    .evidence("change", "userName", "shortfalls")
                    .remediation(
                            "Re-enable MFA for the user or restore a password policy that meets CIS 1.8 and"
                                    + " 1.9.");

    public static final RuleInfo NET_SECURITY_GROUP =
            rule("TW-NET-01", "Security group ingress opened to the internet")
                    .severity(
                            MEDIUM,
                            "CRITICAL when an admin or database port (22, 3389, 3306, 5432, 1433, 1521,"
                                    + " 6379, 9200, 27017) or all traffic is reachable from 0.0.0.0/0 or ::/0 (in any port"
                                    + " range); LOW for web ports 80 and 443 and ICMP; MEDIUM for other ports")
                    .responsibility(NETWORK)
                    .controls(
                            CIS + "4.10",
                            CIS + "5.3",
                            CIS + "5.4",
                            HUB + "EC2.19",
                            HUB + "CloudWatch.10")
                    .evidence("groupId", "protocol", "ports", "cidr", "sensitivePorts")
                    .remediation(
                            "Remove the rule or narrow its source to known addresses; reach admin ports"
                                    + " through SSM Session Manager or a VPN instead of the internet.");

    public static final RuleInfo NET_NACL =
            rule("TW-NET-02", "Network ACL changed")
                    .severity(
                            LOW,
                            "HIGH when an entry allows ingress to an admin port or all traffic from"
                                    + " 0.0.0.0/0 or ::/0; LOW otherwise")
                    .responsibility(NETWORK)
                    .controls(CIS + "4.11", CIS + "5.2", HUB + "CloudWatch.11")
                    .evidence("networkAclId", "change")
                    .remediation(
                            "Review the network ACL change; block admin ports from the internet at the ACL.");

    public static final RuleInfo NET_GATEWAY =
            rule("TW-NET-03", "Internet or customer gateway changed")
                    .severity(
                            LOW,
                            "MEDIUM when an internet gateway is attached to a VPC; LOW otherwise")
                    .responsibility(NETWORK)
                    .controls(CIS + "4.12", HUB + "CloudWatch.12")
                    .evidence("gateway", "change")
                    .remediation(
                            "Confirm the gateway change was planned: a new internet path can expose private"
                                    + " workloads.");

    public static final RuleInfo NET_ROUTE =
            rule("TW-NET-04", "Route table changed")
                    .severity(LOW, "LOW for every change")
                    .responsibility(NETWORK)
                    .controls(CIS + "4.13", HUB + "CloudWatch.13")
                    .evidence("routeTableId", "destination", "change")
                    .remediation(
                            "Confirm the routing change was planned and does not send private traffic"
                                    + " through an unexpected path.");

    public static final RuleInfo NET_VPC =
            rule("TW-NET-05", "VPC changed")
                    .severity(LOW, "MEDIUM for peering connections; LOW for other VPC changes")
                    .responsibility(NETWORK)
                    .controls(CIS + "4.14", HUB + "CloudWatch.14")
                    .evidence("vpcId", "change")
                    .remediation(
                            "Confirm the VPC change was planned; review peering connections to accounts you"
                                    + " do not own.");

    public static final RuleInfo NET_WAF =
            rule("TW-NET-06", "WAF web ACL or rule deleted, disassociated or changed")
                    .severity(
                            MEDIUM,
                            "HIGH when a web ACL is deleted or disassociated from its resource; MEDIUM"
                                    + " when a web ACL or rule group is updated or a rule deleted")
                    .responsibility(NETWORK)
                    .controls(HUB + "WAF.10")
                    .evidence("webAcl", "change")
                    .remediation(
                            "Compare the web ACL with its last reviewed version and restore removed rules;"
                                    + " an unprotected application front end invites SSRF and injection.");

    public static final RuleInfo DATA_PUBLIC_BUCKET =
            rule("TW-DATA-01", "S3 bucket made public")
                    .severity(
                            CRITICAL,
                            "CRITICAL when a bucket policy grants \"*\" without a restricting"
                                    + " condition or an ACL grants AllUsers or AuthenticatedUsers; HIGH when a public"
                                    + " access block (bucket or account) is removed or any of its flags switched off")
                    .responsibility(DATA_PROTECTION)
                    .controls(
                            CIS + "2.1.4",
                            CIS + "4.8",
                            HUB + "S3.1",
                            HUB + "S3.8",
                            HUB + "S3.2",
                            HUB + "CloudWatch.8")
                    .evidence("bucket", "grant", "actions")
                    .remediation(
                            "Remove the public grant (or switch the public access block back on) and check"
                                    + " the bucket's access logs for reads since the change.");

    public static final RuleInfo DATA_BUCKET_PROTECTION =
            rule("TW-DATA-02", "S3 bucket protection removed")
                    .severity(
                            MEDIUM,
                            "HIGH when default encryption is removed; MEDIUM when versioning is"
                                    + " suspended, MFA delete disabled or server access logging switched off")
                    .responsibility(DATA_PROTECTION)
                    .controls(CIS + "2.1.1", CIS + "3.4", HUB + "S3.4", HUB + "S3.9")
                    .evidence("bucket", "change")
                    .remediation(
                            "Restore default encryption, versioning and access logging on the bucket.");

    public static final RuleInfo DATA_SNAPSHOT_SHARED =
            rule("TW-DATA-03", "Snapshot or machine image shared outside the organization")
                    .severity(
                            HIGH,
                            "CRITICAL when shared publicly (all); HIGH when shared with an account the"
                                    + " ownership table does not know; sharing with owned accounts is not an alert")
                    .responsibility(DATA_PROTECTION)
                    .controls(HUB + "EC2.1", HUB + "RDS.1")
                    .evidence("snapshot", "sharedWith")
                    .remediation(
                            "Remove the launch or restore permission; snapshots and images carry whole"
                                    + " disks, secrets included.");

    public static final RuleInfo DATA_PUBLIC_DATABASE =
            rule("TW-DATA-04", "RDS database made publicly accessible")
                    .severity(HIGH, "HIGH for every instance or cluster set publicly accessible")
                    .responsibility(DATA_PROTECTION)
                    .controls(HUB + "RDS.2")
                    .evidence("database")
                    .remediation(
                            "Set PubliclyAccessible to false and reach the database from inside the VPC.");

    public static final RuleInfo DATA_PUBLIC_RESOURCE_POLICY =
            rule("TW-DATA-05", "Resource policy opened to everyone")
                    .severity(
                            HIGH,
                            "CRITICAL for a KMS key policy or a Lambda permission open to \"*\"; HIGH for"
                                    + " SNS, SQS, ECR and Lambda function URLs without authentication")
                    .responsibility(DATA_PROTECTION)
                    .controls(HUB + "SNS.4", HUB + "SQS.3", HUB + "Lambda.1", HUB + "KMS.5")
                    .evidence("resource", "grant")
                    .remediation(
                            "Restrict the policy's principals, or add a condition (aws:PrincipalOrgID,"
                                    + " aws:SourceArn, aws:SourceAccount) that narrows who may call.");

    public static final RuleInfo KMS_KEY_DISABLED =
            rule("TW-KMS-01", "KMS key disabled or scheduled for deletion")
                    .severity(HIGH, "HIGH for every disable or scheduled deletion")
                    .responsibility(ENCRYPTION)
                    .controls(CIS + "4.7", HUB + "KMS.3", HUB + "CloudWatch.7")
                    .evidence("keyId", "change", "pendingWindowInDays")
                    .remediation(
                            "Cancel the deletion (CancelKeyDeletion) or enable the key if data still depends"
                                    + " on it; a deleted key makes its data unreadable for good.");

    public static final RuleInfo KMS_KEY_PROTECTION =
            rule("TW-KMS-02", "KMS key rotation disabled or key material deleted")
                    .severity(
                            MEDIUM,
                            "HIGH when imported key material is deleted; MEDIUM when rotation is"
                                    + " disabled")
                    .responsibility(ENCRYPTION)
                    .controls(CIS + "3.6", HUB + "KMS.4")
                    .evidence("keyId", "change")
                    .remediation(
                            "Enable automatic key rotation again, or re-import the key material.");

    public static final RuleInfo CMP_IMDS_V1 =
            rule("TW-CMP-01", "Instance metadata service made IMDSv1-capable")
                    .severity(
                            HIGH,
                            "HIGH whenever HttpTokens becomes optional (instance, launch or account"
                                    + " default)")
                    .responsibility(COMPUTE)
                    .controls(CIS + "5.6", HUB + "EC2.8")
                    .evidence("instanceId", "httpTokens")
                    .remediation(
                            "Set HttpTokens to required: IMDSv1 lets a server-side request forgery read the"
                                    + " instance role's credentials, as in the 2019 Capital One breach.");

    public static final RuleInfo CMP_INSTANCE_BOOT =
            rule("TW-CMP-02", "Instance user data or instance profile changed")
                    .severity(
                            MEDIUM,
                            "MEDIUM for user data modified or an instance profile associated or replaced")
                    .responsibility(COMPUTE)
                    .controls()
                    .evidence("instanceId", "change", "instanceProfile")
                    .remediation(
                            "Confirm the change was deployed by the instance's owners; user data runs as root"
                                    + " and an instance profile hands its permissions to everything on the instance.");

    public static final RuleInfo ORG_CHANGE =
            rule("TW-ORG-01", "AWS Organizations changed")
                    .severity(
                            MEDIUM,
                            "CRITICAL when an account leaves the organization; HIGH when a service"
                                    + " control policy is detached or deleted or an account removed; MEDIUM otherwise")
                    .responsibility(GOVERNANCE)
                    .controls(CIS + "4.15")
                    .evidence("target", "change")
                    .remediation(
                            "Confirm the change with the organization's administrators; guardrails that"
                                    + " disappear silently are an attacker's first step to persistence.");

    public static final RuleInfo UNOWNED_ACCOUNT =
            rule("TW-OWN-01", "Activity in an account the ownership table does not know")
                    .severity(
                            MEDIUM,
                            "MEDIUM: one alert per account per hour with the count of events")
                    .responsibility(GOVERNANCE)
                    .controls(CIS + "1.2", HUB + "Account.1")
                    .evidence("windowStart", "windowEnd")
                    .remediation(
                            "Add the account to the ownership table with its team and contact, so that its"
                                    + " alerts reach someone; if nobody claims it, review why it is active and consider"
                                    + " closing it.");

    public static final RuleInfo AUTH_FAILURES =
            rule("TW-AUTH-01", "Console sign-in failures: brute force or password spraying")
                    .severity(
                            MEDIUM,
                            "MEDIUM for every burst: at least 5 failed console sign-ins for one user or"
                                    + " from one address within 5 minutes, or failures for at least 5"
                                    + " distinct users from one address (password spraying); one alert per"
                                    + " burst")
                    .responsibility(IDENTITY)
                    .controls(CIS + "4.6", HUB + "CloudWatch.6")
                    .evidence(
                            "failures",
                            "pattern",
                            "sourceIPAddress",
                            "distinctUsers",
                            "users",
                            "userName",
                            "distinctAddresses",
                            "sourceAddresses")
                    .remediation(
                            "Block the source address (WAF, network ACL) and check the targeted users:"
                                    + " require MFA and reset passwords that may have been guessed.");

    public static final RuleInfo AUTH_SUCCESS_AFTER_FAILURES =
            rule("TW-AUTH-02", "Console sign-in succeeded after a burst of failures")
                    .severity(
                            HIGH,
                            "HIGH: a successful console sign-in for a user, or from an address, of a"
                                    + " TW-AUTH-01 burst, within 15 minutes of its last failure")
                    .responsibility(IDENTITY)
                    .controls(CIS + "4.6", CIS + "1.10", HUB + "CloudWatch.6", HUB + "IAM.5")
                    .evidence(
                            "userName",
                            "sourceIPAddress",
                            "mfaUsed",
                            "matchedOn",
                            "burstAlertId",
                            "burstFailures",
                            "burstFirstFailure",
                            "burstLastFailure")
                    .remediation(
                            "Treat the session as compromised until the user confirms it: revoke it, reset"
                                    + " the password, require MFA and review what the session did.");

    public static final RuleInfo RECON_DENIED =
            rule("TW-RECON-01", "Burst of denied API calls")
                    .severity(
                            MEDIUM,
                            "MEDIUM: at least 10 AccessDenied or UnauthorizedOperation errors for one"
                                    + " principal within 5 minutes; one alert per burst")
                    .responsibility(IDENTITY)
                    .controls(CIS + "4.1", HUB + "CloudWatch.2")
                    .evidence("deniedCalls", "distinctApis", "apis", "errorCodes")
                    .remediation(
                            "Find out who holds these credentials and what they were trying to reach; rotate"
                                    + " them if they may have leaked (a CI log, a laptop).");

    public static final RuleInfo RECON_SWEEP =
            rule("TW-RECON-02", "Reconnaissance: many read-only APIs across services")
                    .severity(
                            MEDIUM,
                            "MEDIUM: one principal calls at least 20 distinct read-only APIs across at"
                                    + " least 5 services within 5 minutes (the discovery phase of an attack, as"
                                    + " GuardDuty's Discovery findings); management events only (reading data is"
                                    + " TW-EXFIL-01's business); AWS services, service-linked roles and calls"
                                    + " invoked by a service are excluded")
                    .responsibility(IDENTITY)
                    .controls(CIS + "4.1", HUB + "CloudWatch.2")
                    .evidence("distinctApis", "distinctServices", "services", "apis")
                    .remediation(
                            "Confirm the principal's owner ran an inventory on purpose; otherwise treat its"
                                    + " credentials as stolen: revoke sessions and rotate keys.");

    public static final RuleInfo INSTANCE_CREDENTIALS =
            rule("TW-CRED-01", "EC2 instance credentials used outside AWS")
                    .severity(
                            HIGH,
                            "HIGH: an instance-role session (named after its instance or delivered by the"
                                    + " instance metadata service) calls AWS from an address that is neither inside"
                                    + " AWS nor in the owner's trusted_cidrs, the equivalent of GuardDuty's"
                                    + " UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS; one"
                                    + " alert per session and address")
                    .responsibility(COMPUTE)
                    .controls(CIS + "5.6", HUB + "EC2.8")
                    .evidence(
                            "instanceId",
                            "role",
                            "sourceIPAddress",
                            "ec2RoleDelivery",
                            "distinctApis",
                            "apis")
                    .remediation(
                            "Revoke the role's active sessions (an aws:TokenIssueTime deny policy), require"
                                    + " IMDSv2 on the instance and find how its credentials left it (SSRF, a"
                                    + " compromised host); add the address to trusted_cidrs if it is yours.");

    public static final RuleInfo S3_DOWNLOADS =
            rule("TW-EXFIL-01", "Mass download from S3")
                    .severity(
                            HIGH,
                            "HIGH: one principal downloads at least 1 GiB or 100 objects within 10"
                                    + " minutes, or lists the buckets and then reads from at least 3 of them; each"
                                    + " of the two patterns alerts once per burst")
                    .responsibility(DATA_PROTECTION)
                    .controls(CIS + "3.9", HUB + "S3.23")
                    .evidence(
                            "reason", "objects", "bytes", "distinctBuckets", "buckets", "listedAt")
                    .remediation(
                            "Confirm the download with the principal's owner; if it was not theirs, revoke"
                                    + " its sessions, review the buckets' policies and what the objects held.");

    public static final RuleInfo EGRESS_VOLUME =
            rule("TW-EXFIL-02", "Large transfer to a public address")
                    .severity(
                            HIGH,
                            "HIGH: at least 1 GiB from one network interface to one public address (not in"
                                    + " any trusted_cidrs) within 10 minutes")
                    .responsibility(NETWORK)
                    .controls(CIS + "3.7", HUB + "EC2.6")
                    .evidence("bytes", "destination", "interfaceId", "sourceAddresses", "flows")
                    .remediation(
                            "Identify the process behind the transfer on the instance; block the destination"
                                    + " and restrict egress (security group, network firewall) if it is not a"
                                    + " known partner.");

    public static final RuleInfo PORT_SCAN =
            rule("TW-NETSCAN-01", "Port or host scan")
                    .severity(
                            LOW,
                            "MEDIUM when the scanning source is inside (a private or trusted address:"
                                    + " lateral movement, or a scanner to suppress by name) or an internet source"
                                    + " had probes accepted; LOW when every probe was rejected. One source probing"
                                    + " at least 25 ports of one host, or 25 hosts on one port, within 1 minute; a"
                                    + " probe is a rejected flow or one of at most 4 packets, never the answering"
                                    + " side")
                    .responsibility(NETWORK)
                    .controls(CIS + "5.2", HUB + "EC2.21")
                    .evidence(
                            "distinctPorts", "ports", "distinctHosts", "hosts", "actions", "source")
                    .remediation(
                            "Block the source at the network ACL; if it is inside, isolate the instance and"
                                    + " investigate it as compromised.");

    public static final RuleInfo ADMIN_PORT_ATTEMPTS =
            rule("TW-NETSCAN-02", "Repeated SSH or RDP connections from the internet")
                    .severity(
                            MEDIUM,
                            "HIGH when any of the connections was accepted; MEDIUM when all were"
                                    + " rejected. At least 30 connections from one public address to port 22 or"
                                    + " 3389 of one host within 5 minutes")
                    .responsibility(NETWORK)
                    .controls(CIS + "5.3", CIS + "5.4", HUB + "EC2.13", HUB + "EC2.14")
                    .evidence("connections", "port", "destination", "accepted", "actions")
                    .remediation(
                            "Close the port to the internet and reach the host through SSM Session Manager"
                                    + " or a VPN; if connections were accepted, check the host's authentication"
                                    + " logs for a successful login.");

    public static final RuleInfo EXPOSED_PORT_USED =
            rule("TW-CORR-01", "Port opened to the internet, then connected to from the internet")
                    .severity(
                            CRITICAL,
                            "CRITICAL: a security group opened an admin or database port to the internet"
                                    + " (a CRITICAL TW-NET-01), and within 30 minutes inbound connections from"
                                    + " public addresses were accepted on that port in the same account")
                    .responsibility(NETWORK)
                    .controls(CIS + "5.3", CIS + "5.4", HUB + "EC2.19", HUB + "CloudWatch.10")
                    .evidence(
                            "groupId",
                            "port",
                            "openedAt",
                            "openingEventId",
                            "connections",
                            "distinctSources",
                            "sources",
                            "destinations")
                    .remediation(
                            "Remove the security group rule now, then treat the hosts that accepted the"
                                    + " connections as possibly compromised: check their logins and processes.");

    private static final Map<String, RuleInfo> RULES = new LinkedHashMap<>();

    static {
        for (RuleInfo r :
                List.of(
                        LOG_CLOUDTRAIL,
                        LOG_GUARDDUTY,
                        LOG_CONFIG,
                        LOG_FLOW_LOGS,
                        LOG_MONITORING,
                        IAM_ROOT,
                        IAM_NO_MFA,
                        IAM_POLICY,
                        IAM_ACCESS_KEY,
                        IAM_USER,
                        IAM_TRUST,
                        IAM_CREDENTIAL_POLICY,
                        NET_SECURITY_GROUP,
                        NET_NACL,
                        NET_GATEWAY,
                        NET_ROUTE,
                        NET_VPC,
                        NET_WAF,
                        DATA_PUBLIC_BUCKET,
                        DATA_BUCKET_PROTECTION,
                        DATA_SNAPSHOT_SHARED,
                        DATA_PUBLIC_DATABASE,
                        DATA_PUBLIC_RESOURCE_POLICY,
                        KMS_KEY_DISABLED,
                        KMS_KEY_PROTECTION,
                        CMP_IMDS_V1,
                        CMP_INSTANCE_BOOT,
                        ORG_CHANGE,
                        UNOWNED_ACCOUNT,
                        AUTH_FAILURES,
                        AUTH_SUCCESS_AFTER_FAILURES,
                        RECON_DENIED,
                        RECON_SWEEP,
                        INSTANCE_CREDENTIALS,
                        S3_DOWNLOADS,
                        EGRESS_VOLUME,
                        PORT_SCAN,
                        ADMIN_PORT_ATTEMPTS,
                        EXPOSED_PORT_USED)) {
            if (RULES.putIfAbsent(r.id(), r) != null) {
                throw new IllegalStateException("rule id registered twice: " + r.id());
            }
        }
    }

    private RuleCatalog() {}

    public static List<RuleInfo> all() {
        return List.copyOf(RULES.values());
    }

    public static RuleInfo byId(String id) {
        return RULES.get(id);
    }
}
