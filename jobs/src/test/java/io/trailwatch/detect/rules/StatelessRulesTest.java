package io.trailwatch.detect.rules;

import static io.trailwatch.model.CloudTrailRecord.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailRecord;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stateless rule against real-format CloudTrail records: at least one event it must catch and
 * one near miss it must leave alone. Each case names the only alert expected (rule and severity),
 * or none.
 */
class StatelessRulesTest {
    private static final Set<String> KNOWN_ACCOUNTS =
            Set.of("111122223333", "444455556666", "777788889999");
    private static final RuleEngine ENGINE =
            new RuleEngine(RuleRegistry.builtIn().rules(StatelessRule.class), Set.of());

    private static final String EC2 = "ec2.amazonaws.com";
    private static final String IAM = "iam.amazonaws.com";
    private static final String S3 = "s3.amazonaws.com";
    private static final String KMS = "kms.amazonaws.com";
    private static final String OPEN_POLICY =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                    + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-analytics-curated/*\"}]}";

    static Stream<Arguments> cases() {
        return Stream.of(
                // TW-LOG-01
                hit(
                        "trail stopped",
                        call("cloudtrail.amazonaws.com", "StopLogging")
                                .request("{\"name\":\"acme-org-trail\"}"),
                        "TW-LOG-01",
                        Severity.CRITICAL),
                hit(
                        "trail deleted",
                        call("cloudtrail.amazonaws.com", "DeleteTrail")
                                .request("{\"name\":\"acme-org-trail\"}"),
                        "TW-LOG-01",
                        Severity.CRITICAL),
                // not a change (TW-LOG-01 stays silent), but an attempt worth knowing of
                hit(
                        "failed StopLogging",
                        call("cloudtrail.amazonaws.com", "StopLogging")
                                .request("{\"name\":\"t\"}")
                                .failed("AccessDenied"),
                        "TW-ORG-02",
                        Severity.LOW),
                hit(
                        "trail made single-region",
                        call("cloudtrail.amazonaws.com", "UpdateTrail")
                                .request("{\"name\":\"t\",\"isMultiRegionTrail\":false}"),
                        "TW-LOG-01",
                        Severity.HIGH),
                none(
                        "trail prefix changed",
                        call("cloudtrail.amazonaws.com", "UpdateTrail")
                                .request("{\"name\":\"t\",\"s3KeyPrefix\":\"logs\"}")),
                hit(
                        "management events dropped",
                        call("cloudtrail.amazonaws.com", "PutEventSelectors")
                                .request(
                                        "{\"trailName\":\"t\",\"eventSelectors\":[{\"readWriteType\":\"All\",\"includeManagementEvents\":false,\"dataResources\":[]}]}"),
                        "TW-LOG-01",
                        Severity.HIGH),
                none(
                        "data events added, management kept",
                        call("cloudtrail.amazonaws.com", "PutEventSelectors")
                                .request(
                                        "{\"trailName\":\"t\",\"eventSelectors\":[{\"readWriteType\":\"All\",\"includeManagementEvents\":true,\"dataResources\":[{\"type\":\"AWS::S3::Object\",\"values\":[\"arn:aws:s3\"]}]}]}")),
                hit(
                        "advanced selectors without management",
                        call("cloudtrail.amazonaws.com", "PutEventSelectors")
                                .request(
                                        "{\"trailName\":\"t\",\"advancedEventSelectors\":[{\"name\":\"s3\",\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Data\"]}]}]}"),
                        "TW-LOG-01",
                        Severity.HIGH),
                // TW-LOG-02
                hit(
                        "detector deleted",
                        call("guardduty.amazonaws.com", "DeleteDetector")
                                .request("{\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\"}"),
                        "TW-LOG-02",
                        Severity.HIGH),
                hit(
                        "detector disabled",
                        call("guardduty.amazonaws.com", "UpdateDetector")
                                .request("{\"detectorId\":\"d1\",\"enable\":false}"),
                        "TW-LOG-02",
                        Severity.HIGH),
                none(
                        "detector frequency changed",
                        call("guardduty.amazonaws.com", "UpdateDetector")
                                .request(
                                        "{\"detectorId\":\"d1\",\"enable\":true,\"findingPublishingFrequency\":\"FIFTEEN_MINUTES\"}")),
                hit(
                        "archive filter",
                        call("guardduty.amazonaws.com", "CreateFilter")
                                .request(
                                        "{\"detectorId\":\"d1\",\"name\":\"hide-recon\",\"action\":\"ARCHIVE\",\"findingCriteria\":{}}"),
                        "TW-LOG-02",
                        Severity.MEDIUM),
                none(
                        "noop filter",
                        call("guardduty.amazonaws.com", "CreateFilter")
                                .request(
                                        "{\"detectorId\":\"d1\",\"name\":\"tag\",\"action\":\"NOOP\",\"findingCriteria\":{}}")),
                hit(
                        "trusted IP list added",
                        call("guardduty.amazonaws.com", "CreateIPSet")
                                .request(
                                        "{\"detectorId\":\"d1\",\"name\":\"office\",\"format\":\"TXT\",\"location\":\"s3://b/ips.txt\",\"activate\":true}"),
                        "TW-LOG-02",
                        Severity.MEDIUM),
                // TW-LOG-03
                hit(
                        "config recorder stopped",
                        call("config.amazonaws.com", "StopConfigurationRecorder")
                                .request("{\"configurationRecorderName\":\"default\"}"),
                        "TW-LOG-03",
                        Severity.HIGH),
                none(
                        "config recorder started",
                        call("config.amazonaws.com", "StartConfigurationRecorder")
                                .request("{\"configurationRecorderName\":\"default\"}")),
                // TW-LOG-04
                hit(
                        "flow logs deleted",
                        call(EC2, "DeleteFlowLogs")
                                .request(
                                        "{\"DeleteFlowLogsRequest\":{\"FlowLogId\":{\"content\":\"fl-0f1e2d3c4b5a69788\",\"tag\":1}}}"),
                        "TW-LOG-04",
                        Severity.HIGH),
                none(
                        "flow logs created",
                        call(EC2, "CreateFlowLogs")
                                .request(
                                        "{\"CreateFlowLogsRequest\":{\"ResourceId\":{\"content\":\"vpc-0aa11bb22cc33dd44\",\"tag\":1}}}")),
                hit(
                        "log file validation switched off",
                        call("cloudtrail.amazonaws.com", "UpdateTrail")
                                .request(
                                        "{\"name\":\"acme-org-trail\",\"enableLogFileValidation\":false}")
                                .response(
                                        "{\"name\":\"acme-org-trail\",\"s3BucketName\":\"acme-cloudtrail\",\"includeGlobalServiceEvents\":true,\"isMultiRegionTrail\":true,\"trailARN\":\"arn:aws:cloudtrail:eu-west-1:444455556666:trail/acme-org-trail\",\"logFileValidationEnabled\":false,\"isOrganizationTrail\":false}"),
                        "TW-LOG-01",
                        Severity.HIGH),
                none(
                        "log file validation switched on",
                        call("cloudtrail.amazonaws.com", "UpdateTrail")
                                .request(
                                        "{\"name\":\"acme-org-trail\",\"enableLogFileValidation\":true}")),
                // TW-LOG-05
                hit(
                        "security hub disabled",
                        call("securityhub.amazonaws.com", "DisableSecurityHub"),
                        "TW-LOG-05",
                        Severity.HIGH),
                hit(
                        "alarms deleted",
                        call("monitoring.amazonaws.com", "DeleteAlarms")
                                .request("{\"alarmNames\":[\"root-usage\"]}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "eventbridge rule disabled",
                        call("events.amazonaws.com", "DisableRule")
                                .request("{\"name\":\"guardduty-to-slack\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "CIS metric filter deleted",
                        call("logs.amazonaws.com", "DeleteMetricFilter")
                                .request(
                                        "{\"logGroupName\":\"org-trail-events\",\"filterName\":\"UnauthorizedAPICalls\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "application metric filter deleted",
                        call("logs.amazonaws.com", "DeleteMetricFilter")
                                .request(
                                        "{\"logGroupName\":\"/aws/lambda/checkout\",\"filterName\":\"timeouts\"}"),
                        "TW-LOG-05",
                        Severity.INFO),
                hit(
                        "CPU alarm deleted is housekeeping",
                        call("monitoring.amazonaws.com", "DeleteAlarms")
                                .request("{\"alarmNames\":[\"cpu-mon\"]}"),
                        "TW-LOG-05",
                        Severity.INFO),
                hit(
                        "a root-usage alarm among others",
                        call("monitoring.amazonaws.com", "DeleteAlarms")
                                .request(
                                        "{\"alarmNames\":[\"cpu-mon\",\"RootAccountUsageAlarm\"]}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "scheduled rule that starts a function is housekeeping",
                        call("events.amazonaws.com", "DeleteRule")
                                .request("{\"name\":\"nightly-report-trigger\",\"force\":false}"),
                        "TW-LOG-05",
                        Severity.INFO),
                hit(
                        "Security Hub findings rule on a custom bus deleted",
                        call("events.amazonaws.com", "DeleteRule")
                                .request(
                                        "{\"name\":\"SecurityHubFindingsToTicketing\",\"eventBusName\":\"security\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "CloudTrail log group deleted",
                        call("logs.amazonaws.com", "DeleteLogGroup")
                                .request(
                                        "{\"logGroupName\":\"aws-cloudtrail-logs-444455556666-3f2a91c7\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "flow log group deleted",
                        call("logs.amazonaws.com", "DeleteLogGroup")
                                .request("{\"logGroupName\":\"/vpc/prod/flow-logs\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "GuardDuty findings log group deleted",
                        call("logs.amazonaws.com", "DeleteLogGroup")
                                .request("{\"logGroupName\":\"/aws/events/guardduty-findings\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "a function's log group deleted",
                        call("logs.amazonaws.com", "DeleteLogGroup")
                                .request("{\"logGroupName\":\"/aws/lambda/checkout\"}"),
                        "TW-LOG-05",
                        Severity.INFO),
                hit(
                        "CloudTrail's stream deleted from a group of any name",
                        call("logs.amazonaws.com", "DeleteLogStream")
                                .request(
                                        "{\"logGroupName\":\"org-audit\",\"logStreamName\":\"444455556666_CloudTrail_eu-west-1\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                hit(
                        "a stream of the CloudTrail log group deleted",
                        call("logs.amazonaws.com", "DeleteLogStream")
                                .request(
                                        "{\"logGroupName\":\"CloudTrail/DefaultLogGroup\",\"logStreamName\":\"manual-test\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                none(
                        "a function's log stream deleted",
                        call("logs.amazonaws.com", "DeleteLogStream")
                                .request(
                                        "{\"logGroupName\":\"/aws/lambda/checkout\",\"logStreamName\":\"2026/10/14/[$LATEST]9f1c2b3a4d5e6f708192a3b4c5d6e7f8\"}")),
                hit(
                        "subscription filter of the CloudTrail log group deleted",
                        call("logs.amazonaws.com", "DeleteSubscriptionFilter")
                                .request(
                                        "{\"logGroupName\":\"aws-cloudtrail-logs-444455556666-3f2a91c7\",\"filterName\":\"to-kinesis\"}"),
                        "TW-LOG-05",
                        Severity.MEDIUM),
                none(
                        "subscription filter of a function's log group deleted",
                        call("logs.amazonaws.com", "DeleteSubscriptionFilter")
                                .request(
                                        "{\"logGroupName\":\"/aws/lambda/checkout\",\"filterName\":\"to-es\"}")),
                none(
                        "alarm created",
                        call("monitoring.amazonaws.com", "PutMetricAlarm")
                                .request("{\"alarmName\":\"x\"}")),
                none(
                        "WAF DeleteRule is not an EventBridge rule",
                        call("wafv2.amazonaws.com", "DescribeManagedRuleGroup").readOnly()),
                // TW-IAM-01
                hit(
                        "root console login",
                        call("signin.amazonaws.com", "ConsoleLogin")
                                .root(null)
                                .eventType("AwsConsoleSignIn")
                                .response("{\"ConsoleLogin\":\"Success\"}")
                                .additional(
                                        "{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"Yes\"}"),
                        "TW-IAM-01",
                        Severity.HIGH),
                hit(
                        "root read call",
                        call(EC2, "DescribeInstances").root(null).readOnly(),
                        "TW-IAM-01",
                        Severity.HIGH),
                none(
                        "root call invoked by a service",
                        call(KMS, "Decrypt").root("AWS Internal").readOnly()),
                none(
                        "root service event",
                        call("health.amazonaws.com", "HealthEvent")
                                .root(null)
                                .eventType("AwsServiceEvent")),
                // TW-IAM-02
                hit(
                        "IAM user login without MFA",
                        call("signin.amazonaws.com", "ConsoleLogin")
                                .iamUser("analyst-mchen")
                                .eventType("AwsConsoleSignIn")
                                .response("{\"ConsoleLogin\":\"Success\"}")
                                .additional(
                                        "{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"}"),
                        "TW-IAM-02",
                        Severity.MEDIUM),
                none(
                        "IAM user login with MFA",
                        call("signin.amazonaws.com", "ConsoleLogin")
                                .iamUser("analyst-rdiaz")
                                .eventType("AwsConsoleSignIn")
                                .response("{\"ConsoleLogin\":\"Success\"}")
                                .additional(
                                        "{\"MobileVersion\":\"No\",\"MFAIdentifier\":\"arn:aws:iam::444455556666:mfa/analyst-rdiaz\",\"MFAUsed\":\"Yes\"}")),
                none(
                        "federated SSO login without MFA",
                        call("signin.amazonaws.com", "ConsoleLogin")
                                .assumedRole(
                                        "AWSReservedSSO_DataAnalyst_0a1b2c3d4e5f6789",
                                        "mchen@example.com")
                                .eventType("AwsConsoleSignIn")
                                .response("{\"ConsoleLogin\":\"Success\"}")
                                .additional("{\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"}")),
                none(
                        "failed login",
                        call("signin.amazonaws.com", "ConsoleLogin")
                                .iamUser("analyst-mchen")
                                .eventType("AwsConsoleSignIn")
                                .response("{\"ConsoleLogin\":\"Failure\"}")
                                .additional("{\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"}")),
                // TW-IAM-03
                hit(
                        "admin policy attached",
                        call(IAM, "AttachUserPolicy")
                                .request(
                                        "{\"userName\":\"ops-temp\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}"),
                        "TW-IAM-03",
                        Severity.HIGH),
                hit(
                        "star-star inline policy",
                        call(IAM, "PutRolePolicy")
                                .request(
                                        "{\"roleName\":\"ci\",\"policyName\":\"all\",\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}"),
                        "TW-IAM-03",
                        Severity.HIGH),
                hit(
                        "read-only policy attached",
                        call(IAM, "AttachRolePolicy")
                                .request(
                                        "{\"roleName\":\"auditor\",\"policyArn\":\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}"),
                        "TW-IAM-03",
                        Severity.LOW),
                none(
                        "failed admin attach",
                        call(IAM, "AttachUserPolicy")
                                .request(
                                        "{\"userName\":\"ops-temp\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}")
                                .failed("AccessDenied")),
                none(
                        "policy read",
                        call(IAM, "GetPolicy")
                                .request(
                                        "{\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}")
                                .readOnly()),
                // TW-IAM-04
                hits(
                        "root access key: root activity and a root key",
                        call(IAM, "CreateAccessKey")
                                .root(null)
                                .response(
                                        "{\"accessKey\":{\"accessKeyId\":\"AKIAROOTEXAMPLE00001\",\"status\":\"Active\",\"userName\":\"444455556666\",\"createDate\":\"Oct 14, 2026 10:41:30 AM\"}}"),
                        "TW-IAM-01 HIGH",
                        "TW-IAM-04 CRITICAL"),
                hit(
                        "key for another user",
                        call(IAM, "CreateAccessKey")
                                .iamUser("analyst-mchen")
                                .request("{\"userName\":\"ops-temp\"}"),
                        "TW-IAM-04",
                        Severity.HIGH),
                none(
                        "key for oneself",
                        call(IAM, "CreateAccessKey")
                                .iamUser("ops-temp")
                                .request("{\"userName\":\"ops-temp\"}")),
                none(
                        "key without a user name is the caller's own",
                        call(IAM, "CreateAccessKey").iamUser("ops-temp")),
                // TW-IAM-05
                hit(
                        "console password set",
                        call(IAM, "CreateLoginProfile")
                                .request(
                                        "{\"userName\":\"ops-temp\",\"passwordResetRequired\":false}"),
                        "TW-IAM-05",
                        Severity.MEDIUM),
                hit(
                        "user created",
                        call(IAM, "CreateUser").request("{\"userName\":\"ops-temp\"}"),
                        "TW-IAM-05",
                        Severity.LOW),
                none(
                        "login profile read",
                        call(IAM, "GetLoginProfile")
                                .request("{\"userName\":\"ops-temp\"}")
                                .readOnly()),
                // TW-IAM-06
                hit(
                        "role assumable by anyone",
                        call(IAM, "CreateRole")
                                .request(
                                        "{\"roleName\":\"x\",\"assumeRolePolicyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}\"}"),
                        "TW-IAM-06",
                        Severity.CRITICAL),
                hit(
                        "role trusts unknown account",
                        call(IAM, "UpdateAssumeRolePolicy")
                                .request(
                                        "{\"roleName\":\"x\",\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::999900001111:root\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}\"}"),
                        "TW-IAM-06",
                        Severity.HIGH),
                none(
                        "role trusts an owned account",
                        call(IAM, "UpdateAssumeRolePolicy")
                                .request(
                                        "{\"roleName\":\"x\",\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":[\\\"arn:aws:iam::111122223333:role/ci\\\",\\\"777788889999\\\"]},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}\"}")),
                none(
                        "role for EC2",
                        call(IAM, "CreateRole")
                                .request(
                                        "{\"roleName\":\"web\",\"assumeRolePolicyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"Service\\\":\\\"ec2.amazonaws.com\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}\"}")),
                none(
                        "anyone in the organization",
                        call(IAM, "CreateRole")
                                .request(
                                        "{\"roleName\":\"x\",\"assumeRolePolicyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\",\\\"Condition\\\":{\\\"StringEquals\\\":{\\\"aws:PrincipalOrgID\\\":\\\"o-7k2m9x4q1z\\\"}}}]}\"}")),
                // TW-IAM-07
                hit(
                        "password policy deleted",
                        call(IAM, "DeleteAccountPasswordPolicy"),
                        "TW-IAM-07",
                        Severity.HIGH),
                hit(
                        "password policy weakened",
                        call(IAM, "UpdateAccountPasswordPolicy")
                                .request(
                                        "{\"minimumPasswordLength\":8,\"requireSymbols\":true,\"requireNumbers\":true,\"passwordReusePrevention\":24}"),
                        "TW-IAM-07",
                        Severity.MEDIUM),
                none(
                        "password policy meets CIS",
                        call(IAM, "UpdateAccountPasswordPolicy")
                                .request(
                                        "{\"minimumPasswordLength\":14,\"requireSymbols\":true,\"passwordReusePrevention\":24}")),
                hit(
                        "MFA device deactivated",
                        call(IAM, "DeactivateMFADevice")
                                .request(
                                        "{\"userName\":\"ops-temp\",\"serialNumber\":\"arn:aws:iam::444455556666:mfa/ops-temp\"}"),
                        "TW-IAM-07",
                        Severity.MEDIUM),
                none(
                        "MFA device enabled",
                        call(IAM, "EnableMFADevice")
                                .request(
                                        "{\"userName\":\"ops-temp\",\"serialNumber\":\"arn:aws:iam::444455556666:mfa/ops-temp\"}")),
                // TW-NET-01
                hit(
                        "SSH to the world",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                22,
                                                22,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}")),
                        "TW-NET-01",
                        Severity.CRITICAL),
                none(
                        "postgres to 10/8",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                5432,
                                                5432,
                                                "{\"items\":[{\"cidrIp\":\"10.0.0.0/8\"}]}",
                                                "{}"))),
                hit(
                        "RDP to the IPv6 internet",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                3389,
                                                3389,
                                                "{}",
                                                "{\"items\":[{\"cidrIpv6\":\"::/0\"}]}")),
                        "TW-NET-01",
                        Severity.CRITICAL),
                hit(
                        "a range containing SSH",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                1,
                                                1024,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}")),
                        "TW-NET-01",
                        Severity.CRITICAL),
                hit(
                        "all traffic",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "-1",
                                                -1,
                                                -1,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}")),
                        "TW-NET-01",
                        Severity.CRITICAL),
                hit(
                        "HTTPS to the world",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                443,
                                                443,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}")),
                        "TW-NET-01",
                        Severity.LOW),
                hit(
                        "an app port to the world",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                8080,
                                                8080,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}")),
                        "TW-NET-01",
                        Severity.MEDIUM),
                hit(
                        "modified rule opens SSH",
                        call(EC2, "ModifySecurityGroupRules")
                                .request(
                                        "{\"ModifySecurityGroupRulesRequest\":{\"GroupId\":\"sg-0c3f5a7b9d1e24680\",\"SecurityGroupRule\":{\"SecurityGroupRuleId\":\"sgr-0123456789abcdef0\",\"SecurityGroupRule\":{\"IpProtocol\":\"tcp\",\"FromPort\":22,\"ToPort\":22,\"CidrIpv4\":\"0.0.0.0/0\",\"Description\":\"\"},\"tag\":1}}}"),
                        "TW-NET-01",
                        Severity.CRITICAL),
                hit(
                        "legacy flat form",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        "{\"groupName\":\"default\",\"ipProtocol\":\"tcp\",\"fromPort\":3306,\"toPort\":3306,\"cidrIp\":\"0.0.0.0/0\"}"),
                        "TW-NET-01",
                        Severity.CRITICAL),
                none(
                        "failed SSH opening",
                        call(EC2, "AuthorizeSecurityGroupIngress")
                                .request(
                                        sg(
                                                "tcp",
                                                22,
                                                22,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}"))
                                .failed("Client.UnauthorizedOperation")),
                none(
                        "egress to the world",
                        call(EC2, "AuthorizeSecurityGroupEgress")
                                .request(
                                        sg(
                                                "-1",
                                                -1,
                                                -1,
                                                "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                "{}"))),
                // TW-NET-02
                hit(
                        "NACL admits SSH from the internet",
                        call(EC2, "CreateNetworkAclEntry")
                                .request(
                                        "{\"networkAclId\":\"acl-0a1b2c3d4e5f60718\",\"ruleNumber\":100,\"egress\":false,\"ruleAction\":\"allow\",\"icmpTypeCode\":{},\"aclProtocol\":\"6\",\"portRange\":{\"from\":22,\"to\":22},\"cidrBlock\":\"0.0.0.0/0\"}"),
                        "TW-NET-02",
                        Severity.HIGH),
                hit(
                        "NACL deny entry",
                        call(EC2, "CreateNetworkAclEntry")
                                .request(
                                        "{\"networkAclId\":\"acl-0a1b2c3d4e5f60718\",\"ruleNumber\":90,\"egress\":false,\"ruleAction\":\"deny\",\"aclProtocol\":\"6\",\"portRange\":{\"from\":22,\"to\":22},\"cidrBlock\":\"0.0.0.0/0\"}"),
                        "TW-NET-02",
                        Severity.LOW),
                none("NACL read", call(EC2, "DescribeNetworkAcls").readOnly()),
                // TW-NET-03 .. 05
                hit(
                        "internet gateway attached",
                        call(EC2, "AttachInternetGateway")
                                .request(
                                        "{\"internetGatewayId\":\"igw-0a1b2c3d4e5f60718\",\"vpcId\":\"vpc-0aa11bb22cc33dd44\"}"),
                        "TW-NET-03",
                        Severity.MEDIUM),
                none(
                        "failed gateway attach",
                        call(EC2, "AttachInternetGateway")
                                .request("{\"internetGatewayId\":\"igw-0a1b2c3d4e5f60718\"}")
                                .failed("Client.UnauthorizedOperation")),
                hit(
                        "route created",
                        call(EC2, "CreateRoute")
                                .request(
                                        "{\"routeTableId\":\"rtb-0a1b2c3d4e5f60718\",\"destinationCidrBlock\":\"0.0.0.0/0\",\"gatewayId\":\"igw-0a1b2c3d4e5f60718\"}"),
                        "TW-NET-04",
                        Severity.LOW),
                none("routes read", call(EC2, "DescribeRouteTables").readOnly()),
                hit(
                        "peering requested",
                        call(EC2, "CreateVpcPeeringConnection")
                                .request(
                                        "{\"vpcId\":\"vpc-0aa11bb22cc33dd44\",\"peerVpcId\":\"vpc-0ffeeddccbbaa9988\",\"peerOwnerId\":\"999900001111\"}"),
                        "TW-NET-05",
                        Severity.MEDIUM),
                hit(
                        "VPC created",
                        call(EC2, "CreateVpc").request("{\"cidrBlock\":\"10.50.0.0/16\"}"),
                        "TW-NET-05",
                        Severity.LOW),
                none("VPCs read", call(EC2, "DescribeVpcs").readOnly()),
                // TW-NET-06
                hit(
                        "web ACL deleted",
                        call("wafv2.amazonaws.com", "DeleteWebACL")
                                .request(
                                        "{\"name\":\"payments-web-acl\",\"scope\":\"REGIONAL\",\"id\":\"a1b2c3d4\",\"lockToken\":\"t\"}"),
                        "TW-NET-06",
                        Severity.HIGH),
                hit(
                        "web ACL updated",
                        call("wafv2.amazonaws.com", "UpdateWebACL")
                                .request(
                                        "{\"name\":\"payments-web-acl\",\"scope\":\"REGIONAL\",\"id\":\"a1b2c3d4\",\"rules\":[]}"),
                        "TW-NET-06",
                        Severity.MEDIUM),
                none(
                        "web ACL read",
                        call("wafv2.amazonaws.com", "GetWebACL")
                                .request("{\"name\":\"payments-web-acl\"}")
                                .readOnly()),
                // TW-DATA-01
                hit(
                        "bucket policy for everyone",
                        call(S3, "PutBucketPolicy")
                                .request(
                                        "{\"bucketName\":\"acme-analytics-curated\",\"bucketPolicy\":"
                                                + OPEN_POLICY
                                                + ",\"Host\":\"acme-analytics-curated.s3.eu-west-1.amazonaws.com\",\"policy\":\"\"}"),
                        "TW-DATA-01",
                        Severity.CRITICAL),
                hit(
                        "policy as text, AWS * in a list",
                        call(S3, "PutBucketPolicy")
                                .request(
                                        "{\"bucketName\":\"b\",\"bucketPolicy\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":[\\\"*\\\"]},\\\"Action\\\":\\\"s3:ListBucket\\\",\\\"Resource\\\":\\\"arn:aws:s3:::b\\\"}]}\"}"),
                        "TW-DATA-01",
                        Severity.CRITICAL),
                none(
                        "everyone through one VPC endpoint",
                        call(S3, "PutBucketPolicy")
                                .request(
                                        "{\"bucketName\":\"b\",\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60718\"}}}]}}")),
                none(
                        "everyone in the organization",
                        call(S3, "PutBucketPolicy")
                                .request(
                                        "{\"bucketName\":\"b\",\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-7k2m9x4q1z\"}}}]}}")),
                none(
                        "deny everyone without TLS",
                        call(S3, "PutBucketPolicy")
                                .request(
                                        "{\"bucketName\":\"b\",\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}}")),
                hit(
                        "a negated endpoint condition is still public",
                        call(S3, "PutBucketPolicy")
                                .request(
                                        "{\"bucketName\":\"b\",\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60718\"}}}]}}"),
                        "TW-DATA-01",
                        Severity.CRITICAL),
                hit(
                        "ACL grant to AllUsers",
                        call(S3, "PutBucketAcl")
                                .request(
                                        "{\"bucketName\":\"b\",\"AccessControlPolicy\":{\"AccessControlList\":{\"Grant\":[{\"Grantee\":{\"xsi:type\":\"CanonicalUser\",\"ID\":\"abc\"},\"Permission\":\"FULL_CONTROL\"},{\"Grantee\":{\"xsi:type\":\"Group\",\"URI\":\"http://acs.amazonaws.com/groups/global/AllUsers\"},\"Permission\":\"READ\"}]},\"Owner\":{\"ID\":\"abc\"}},\"acl\":\"\"}"),
                        "TW-DATA-01",
                        Severity.CRITICAL),
                hit(
                        "canned public-read ACL",
                        call(S3, "PutBucketAcl")
                                .request(
                                        "{\"bucketName\":\"b\",\"x-amz-acl\":[\"public-read\"],\"acl\":\"\"}"),
                        "TW-DATA-01",
                        Severity.CRITICAL),
                none(
                        "canned private ACL",
                        call(S3, "PutBucketAcl")
                                .request(
                                        "{\"bucketName\":\"b\",\"x-amz-acl\":[\"private\"],\"acl\":\"\"}")),
                hit(
                        "public access block partly off",
                        call(S3, "PutBucketPublicAccessBlock")
                                .request(
                                        "{\"bucketName\":\"b\",\"PublicAccessBlockConfiguration\":{\"BlockPublicAcls\":true,\"IgnorePublicAcls\":true,\"BlockPublicPolicy\":false,\"RestrictPublicBuckets\":false}}"),
                        "TW-DATA-01",
                        Severity.HIGH),
                none(
                        "public access block all on",
                        call(S3, "PutPublicAccessBlock")
                                .request(
                                        "{\"bucketName\":\"b\",\"publicAccessBlock\":\"\",\"PublicAccessBlockConfiguration\":{\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\",\"BlockPublicAcls\":true,\"IgnorePublicAcls\":true,\"BlockPublicPolicy\":true,\"RestrictPublicBuckets\":true}}")),
                hit(
                        "public access block deleted",
                        call(S3, "DeletePublicAccessBlock")
                                .request("{\"bucketName\":\"b\",\"publicAccessBlock\":\"\"}"),
                        "TW-DATA-01",
                        Severity.HIGH),
                // TW-DATA-02
                hit(
                        "default encryption removed",
                        call(S3, "DeleteBucketEncryption")
                                .request("{\"bucketName\":\"b\",\"encryption\":\"\"}"),
                        "TW-DATA-02",
                        Severity.HIGH),
                hit(
                        "versioning suspended",
                        call(S3, "PutBucketVersioning")
                                .request(
                                        "{\"bucketName\":\"b\",\"VersioningConfiguration\":{\"Status\":\"Suspended\",\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\"},\"versioning\":\"\"}"),
                        "TW-DATA-02",
                        Severity.MEDIUM),
                none(
                        "versioning enabled",
                        call(S3, "PutBucketVersioning")
                                .request(
                                        "{\"bucketName\":\"b\",\"VersioningConfiguration\":{\"Status\":\"Enabled\"},\"versioning\":\"\"}")),
                hit(
                        "access logging off",
                        call(S3, "PutBucketLogging")
                                .request(
                                        "{\"bucketName\":\"b\",\"BucketLoggingStatus\":{\"xmlns\":\"http://s3.amazonaws.com/doc/2006-03-01/\"},\"logging\":\"\"}"),
                        "TW-DATA-02",
                        Severity.MEDIUM),
                none(
                        "access logging on",
                        call(S3, "PutBucketLogging")
                                .request(
                                        "{\"bucketName\":\"b\",\"BucketLoggingStatus\":{\"LoggingEnabled\":{\"TargetBucket\":\"logs\",\"TargetPrefix\":\"b/\"}},\"logging\":\"\"}")),
                // TW-DATA-03
                hit(
                        "snapshot public",
                        call(EC2, "ModifySnapshotAttribute")
                                .request(
                                        "{\"snapshotId\":\"snap-0123456789abcdef0\",\"createVolumePermission\":{\"add\":{\"items\":[{\"group\":\"all\"}]}},\"attributeType\":\"CREATE_VOLUME_PERMISSION\"}"),
                        "TW-DATA-03",
                        Severity.CRITICAL),
                hit(
                        "snapshot to an unknown account",
                        call(EC2, "ModifySnapshotAttribute")
                                .request(
                                        "{\"snapshotId\":\"snap-0123456789abcdef0\",\"createVolumePermission\":{\"add\":{\"items\":[{\"userId\":\"999900001111\"}]}},\"attributeType\":\"CREATE_VOLUME_PERMISSION\"}"),
                        "TW-DATA-03",
                        Severity.HIGH),
                none(
                        "snapshot to an owned account",
                        call(EC2, "ModifySnapshotAttribute")
                                .request(
                                        "{\"snapshotId\":\"snap-0123456789abcdef0\",\"createVolumePermission\":{\"add\":{\"items\":[{\"userId\":\"111122223333\"}]}},\"attributeType\":\"CREATE_VOLUME_PERMISSION\"}")),
                hit(
                        "RDS snapshot public",
                        call("rds.amazonaws.com", "ModifyDBSnapshotAttribute")
                                .request(
                                        "{\"dBSnapshotIdentifier\":\"payments-2026-10-14\",\"attributeName\":\"restore\",\"valuesToAdd\":[\"all\"]}"),
                        "TW-DATA-03",
                        Severity.CRITICAL),
                hit(
                        "AMI to an unknown account",
                        call(EC2, "ModifyImageAttribute")
                                .request(
                                        "{\"imageId\":\"ami-0123456789abcdef0\",\"launchPermission\":{\"add\":{\"items\":[{\"userId\":\"999900001111\"}]}},\"attributeType\":\"launchPermission\"}"),
                        "TW-DATA-03",
                        Severity.HIGH),
                // TW-DATA-04
                hit(
                        "database made public",
                        call("rds.amazonaws.com", "ModifyDBInstance")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"payments-db\",\"publiclyAccessible\":true,\"applyImmediately\":true}"),
                        "TW-DATA-04",
                        Severity.HIGH),
                hit(
                        "database created public by its subnet group (response decides)",
                        call("rds.amazonaws.com", "CreateDBInstance")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"reporting-db\",\"dBInstanceClass\":\"db.t3.micro\",\"engine\":\"postgres\",\"masterUsername\":\"reporting\",\"allocatedStorage\":20}")
                                .response(
                                        "{\"dBInstanceIdentifier\":\"reporting-db\",\"dBInstanceClass\":\"db.t3.micro\",\"engine\":\"postgres\",\"dBInstanceStatus\":\"creating\",\"publiclyAccessible\":true,\"dBSubnetGroup\":{\"dBSubnetGroupName\":\"default\",\"vpcId\":\"vpc-0aa11bb22cc33dd44\"},\"dBInstanceArn\":\"arn:aws:rds:eu-west-1:444455556666:db:reporting-db\"}"),
                        "TW-DATA-04",
                        Severity.HIGH),
                none(
                        "database created private (response decides)",
                        call("rds.amazonaws.com", "CreateDBInstance")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"reporting-db\",\"engine\":\"postgres\"}")
                                .response(
                                        "{\"dBInstanceIdentifier\":\"reporting-db\",\"publiclyAccessible\":false}")),
                hit(
                        "database restored from S3 as public",
                        call("rds.amazonaws.com", "RestoreDBInstanceFromS3")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"legacy-mysql\",\"engine\":\"mysql\",\"sourceEngine\":\"mysql\",\"s3BucketName\":\"acme-db-backups\"}")
                                .response(
                                        "{\"dBInstanceIdentifier\":\"legacy-mysql\",\"publiclyAccessible\":true}"),
                        "TW-DATA-04",
                        Severity.HIGH),
                hit(
                        "snapshot restored as public",
                        call("rds.amazonaws.com", "RestoreDBInstanceFromDBSnapshot")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"payments-db-copy\",\"dBSnapshotIdentifier\":\"payments-db-2026-10-13\"}")
                                .response(
                                        "{\"dBInstanceIdentifier\":\"payments-db-copy\",\"publiclyAccessible\":true}"),
                        "TW-DATA-04",
                        Severity.HIGH),
                none(
                        "public database modified in something else",
                        call("rds.amazonaws.com", "ModifyDBInstance")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"payments-db\",\"backupRetentionPeriod\":14}")
                                .response(
                                        "{\"dBInstanceIdentifier\":\"payments-db\",\"publiclyAccessible\":true}")),
                none(
                        "database made private",
                        call("rds.amazonaws.com", "ModifyDBInstance")
                                .request(
                                        "{\"dBInstanceIdentifier\":\"payments-db\",\"publiclyAccessible\":false}")),
                // TW-DATA-05
                hit(
                        "SNS topic for everyone",
                        call("sns.amazonaws.com", "SetTopicAttributes")
                                .request(
                                        "{\"topicArn\":\"arn:aws:sns:eu-west-1:444455556666:builds\",\"attributeName\":\"Policy\",\"attributeValue\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"SNS:Publish\\\",\\\"Resource\\\":\\\"arn:aws:sns:eu-west-1:444455556666:builds\\\"}]}\"}"),
                        "TW-DATA-05",
                        Severity.HIGH),
                none(
                        "SNS topic for S3 of one account",
                        call("sns.amazonaws.com", "SetTopicAttributes")
                                .request(
                                        "{\"topicArn\":\"arn:aws:sns:eu-west-1:444455556666:builds\",\"attributeName\":\"Policy\",\"attributeValue\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"SNS:Publish\\\",\\\"Resource\\\":\\\"*\\\",\\\"Condition\\\":{\\\"StringEquals\\\":{\\\"aws:SourceOwner\\\":\\\"444455556666\\\"}}}]}\"}")),
                hit(
                        "Lambda callable by anyone",
                        call("lambda.amazonaws.com", "AddPermission20150331v2")
                                .request(
                                        "{\"functionName\":\"settle\",\"statementId\":\"s\",\"action\":\"lambda:InvokeFunction\",\"principal\":\"*\"}"),
                        "TW-DATA-05",
                        Severity.CRITICAL),
                none(
                        "Lambda callable by one bucket",
                        call("lambda.amazonaws.com", "AddPermission20150331v2")
                                .request(
                                        "{\"functionName\":\"settle\",\"statementId\":\"s\",\"action\":\"lambda:InvokeFunction\",\"principal\":\"s3.amazonaws.com\",\"sourceArn\":\"arn:aws:s3:::acme-payments-exports\",\"sourceAccount\":\"111122223333\"}")),
                hit(
                        "function URL without auth",
                        call("lambda.amazonaws.com", "CreateFunctionUrlConfig20211031")
                                .request("{\"functionName\":\"settle\",\"authType\":\"NONE\"}"),
                        "TW-DATA-05",
                        Severity.HIGH),
                none(
                        "function URL with IAM auth",
                        call("lambda.amazonaws.com", "CreateFunctionUrlConfig20211031")
                                .request("{\"functionName\":\"settle\",\"authType\":\"AWS_IAM\"}")),
                hit(
                        "KMS key policy for everyone",
                        call(KMS, "PutKeyPolicy")
                                .request(
                                        "{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\",\"policyName\":\"default\",\"policy\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"kms:*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}"),
                        "TW-DATA-05",
                        Severity.CRITICAL),
                hit(
                        "ECR repository for everyone",
                        call("ecr.amazonaws.com", "SetRepositoryPolicy")
                                .request(
                                        "{\"repositoryName\":\"web\",\"policyText\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":[\\\"ecr:BatchGetImage\\\"]}]}\"}"),
                        "TW-DATA-05",
                        Severity.HIGH),
                hit(
                        "OpenSearch domain with a public endpoint opened to everyone",
                        call("es.amazonaws.com", "UpdateDomainConfig")
                                .request(
                                        "{\"domainName\":\"orders-search\",\"accessPolicies\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"es:*\\\",\\\"Resource\\\":\\\"arn:aws:es:eu-west-1:444455556666:domain/orders-search/*\\\"}]}\"}")
                                .response(
                                        "{\"domainConfig\":{\"accessPolicies\":{\"options\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"es:*\\\",\\\"Resource\\\":\\\"arn:aws:es:eu-west-1:444455556666:domain/orders-search/*\\\"}]}\",\"status\":{\"state\":\"Processing\"}}}}"),
                        "TW-DATA-05",
                        Severity.HIGH),
                none(
                        "OpenSearch domain in a VPC with an open policy (its security groups decide)",
                        call("es.amazonaws.com", "UpdateDomainConfig")
                                .request(
                                        "{\"domainName\":\"orders-search\",\"accessPolicies\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"es:*\\\",\\\"Resource\\\":\\\"arn:aws:es:eu-west-1:444455556666:domain/orders-search/*\\\"}]}\"}")
                                .response(
                                        "{\"domainConfig\":{\"vPCOptions\":{\"options\":{\"vPCId\":\"vpc-0a1b2c3d4e5f67890\",\"subnetIds\":[\"subnet-0a1b2c3d4e5f67890\"],\"securityGroupIds\":[\"sg-0c3f5a7b9d1e24680\"]}}}}")),
                hit(
                        "Elasticsearch domain created open to everyone",
                        call("es.amazonaws.com", "CreateElasticsearchDomain")
                                .request(
                                        "{\"domainName\":\"logs-legacy\",\"elasticsearchVersion\":\"7.10\",\"accessPolicies\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"*\\\"},\\\"Action\\\":\\\"es:*\\\",\\\"Resource\\\":\\\"arn:aws:es:eu-west-1:444455556666:domain/orders-search/*\\\"}]}\"}"),
                        "TW-DATA-05",
                        Severity.HIGH),
                none(
                        "SageMaker domain created (another service's CreateDomain)",
                        call("sagemaker.amazonaws.com", "CreateDomain")
                                .request("{\"domainName\":\"ml-studio\",\"authMode\":\"IAM\"}")),
                hit(
                        "Glacier vault opened to everyone",
                        call("glacier.amazonaws.com", "SetVaultAccessPolicy")
                                .request(
                                        "{\"accountId\":\"-\",\"vaultName\":\"orders-archive\",\"policy\":{\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"glacier:InitiateJob\\\",\\\"Resource\\\":\\\"arn:aws:glacier:eu-west-1:444455556666:vaults/orders-archive\\\"}]}\"}}"),
                        "TW-DATA-05",
                        Severity.HIGH),
                none(
                        "Glacier vault shared with the organization",
                        call("glacier.amazonaws.com", "SetVaultAccessPolicy")
                                .request(
                                        "{\"accountId\":\"-\",\"vaultName\":\"orders-archive\",\"policy\":{\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"glacier:InitiateJob\\\",\\\"Resource\\\":\\\"arn:aws:glacier:eu-west-1:444455556666:vaults/orders-archive\\\",\\\"Condition\\\":{\\\"StringEquals\\\":{\\\"aws:PrincipalOrgID\\\":\\\"o-7k2m9x4q1z\\\"}}}]}\"}}")),
                // TW-KMS-01/02
                hit(
                        "key deletion scheduled",
                        call(KMS, "ScheduleKeyDeletion")
                                .request(
                                        "{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\",\"pendingWindowInDays\":7}"),
                        "TW-KMS-01",
                        Severity.HIGH),
                hit(
                        "key disabled",
                        call(KMS, "DisableKey")
                                .request("{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\"}"),
                        "TW-KMS-01",
                        Severity.HIGH),
                none(
                        "key deletion cancelled",
                        call(KMS, "CancelKeyDeletion")
                                .request("{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\"}")),
                hit(
                        "rotation disabled",
                        call(KMS, "DisableKeyRotation")
                                .request("{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\"}"),
                        "TW-KMS-02",
                        Severity.MEDIUM),
                none(
                        "rotation enabled",
                        call(KMS, "EnableKeyRotation")
                                .request("{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\"}")),
                // TW-CMP-01/02
                hit(
                        "IMDSv1 allowed",
                        call(EC2, "ModifyInstanceMetadataOptions")
                                .request(
                                        "{\"ModifyInstanceMetadataOptionsRequest\":{\"InstanceId\":\"i-0a1b2c3d4e5f67890\",\"HttpTokens\":\"optional\"}}"),
                        "TW-CMP-01",
                        Severity.HIGH),
                none(
                        "IMDSv2 required",
                        call(EC2, "ModifyInstanceMetadataOptions")
                                .request(
                                        "{\"ModifyInstanceMetadataOptionsRequest\":{\"InstanceId\":\"i-0a1b2c3d4e5f67890\",\"HttpTokens\":\"required\"}}")),
                hit(
                        "IMDSv1 at launch by the account default (response decides)",
                        call(EC2, "RunInstances")
                                .request(
                                        "{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0abcdef1234567890\",\"minCount\":1,\"maxCount\":1}]},\"instanceType\":\"t3.micro\"}")
                                .response(
                                        "{\"requestId\":\"5b0f1c9e-2d3a-4b6c-8e7f-9a0b1c2d3e4f\",\"reservationId\":\"r-0123456789abcdef0\",\"ownerId\":\"444455556666\",\"groupSet\":{},\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0f1e2d3c4b5a69788\",\"imageId\":\"ami-0abcdef1234567890\",\"instanceState\":{\"code\":0,\"name\":\"pending\"},\"instanceType\":\"t3.micro\",\"metadataOptions\":{\"state\":\"pending\",\"httpTokens\":\"optional\",\"httpPutResponseHopLimit\":1,\"httpEndpoint\":\"enabled\",\"httpProtocolIpv4\":\"enabled\",\"httpProtocolIpv6\":\"disabled\",\"instanceMetadataTags\":\"disabled\"}}]}}"),
                        "TW-CMP-01",
                        Severity.HIGH),
                none(
                        "IMDSv2 at launch",
                        call(EC2, "RunInstances")
                                .request(
                                        "{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0abcdef1234567890\",\"minCount\":1,\"maxCount\":1}]}}")
                                .response(
                                        "{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0f1e2d3c4b5a69788\",\"metadataOptions\":{\"state\":\"pending\",\"httpTokens\":\"required\",\"httpEndpoint\":\"enabled\"}}]}}")),
                none(
                        "launch asked for optional, the account enforces IMDSv2 (response decides)",
                        call(EC2, "RunInstances")
                                .request(
                                        "{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0abcdef1234567890\",\"minCount\":1,\"maxCount\":1}]},\"metadataOptions\":{\"httpTokens\":\"optional\"}}")
                                .response(
                                        "{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0f1e2d3c4b5a69788\",\"metadataOptions\":{\"state\":\"pending\",\"httpTokens\":\"required\"}}]}}")),
                hit(
                        "account default made IMDSv1-capable",
                        call(EC2, "ModifyInstanceMetadataDefaults")
                                .request(
                                        "{\"ModifyInstanceMetadataDefaultsRequest\":{\"HttpTokens\":\"optional\",\"HttpPutResponseHopLimit\":2}}")
                                .response(
                                        "{\"ModifyInstanceMetadataDefaultsResponse\":{\"requestId\":\"7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f\",\"return\":true}}"),
                        "TW-CMP-01",
                        Severity.HIGH),
                none(
                        "account default cleared",
                        call(EC2, "ModifyInstanceMetadataDefaults")
                                .request(
                                        "{\"ModifyInstanceMetadataDefaultsRequest\":{\"HttpTokens\":\"no-preference\"}}")),
                hit(
                        "instance profile replaced",
                        call(EC2, "ReplaceIamInstanceProfileAssociation")
                                .request(
                                        "{\"ReplaceIamInstanceProfileAssociationRequest\":{\"AssociationId\":\"iip-assoc-0123456789abcdef0\",\"IamInstanceProfile\":{\"Arn\":\"arn:aws:iam::444455556666:instance-profile/admin\"}}}"),
                        "TW-CMP-02",
                        Severity.MEDIUM),
                hit(
                        "user data changed",
                        call(EC2, "ModifyInstanceAttribute")
                                .request(
                                        "{\"instanceId\":\"i-0a1b2c3d4e5f67890\",\"userData\":\"<sensitiveDataRemoved>\"}"),
                        "TW-CMP-02",
                        Severity.MEDIUM),
                none(
                        "instance type changed",
                        call(EC2, "ModifyInstanceAttribute")
                                .request(
                                        "{\"instanceId\":\"i-0a1b2c3d4e5f67890\",\"instanceType\":{\"value\":\"m7i.large\"}}")),
                // TW-ORG-01
                hit(
                        "account leaves the organization",
                        call("organizations.amazonaws.com", "LeaveOrganization"),
                        "TW-ORG-01",
                        Severity.CRITICAL),
                hit(
                        "SCP detached",
                        call("organizations.amazonaws.com", "DetachPolicy")
                                .request(
                                        "{\"policyId\":\"p-examplescp1\",\"targetId\":\"ou-ab12-cd34ef56\"}"),
                        "TW-ORG-01",
                        Severity.HIGH),
                none(
                        "accounts listed",
                        call("organizations.amazonaws.com", "ListAccounts").readOnly()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void catchesTheRiskAndLeavesTheNearMiss(
            String description, CloudTrailRecord record, List<String> expected) {
        List<Alert> alerts = ENGINE.evaluate(record.decode(), KNOWN_ACCOUNTS::contains, 0L);

        assertThat(
                        alerts.stream()
                                .map(a -> a.ruleId + " " + a.severity)
                                .collect(Collectors.toList()))
                .as(description)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aGroupNamedByNameIsReportedByTheIdTheResponseGives() {
        CloudTrailRecord record =
                call(EC2, "AuthorizeSecurityGroupIngress")
                        .request(
                                "{\"groupName\":\"default\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"groups\":{},\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]},\"ipv6Ranges\":{},\"prefixListIds\":{}}]}}")
                        .response(
                                "{\"requestId\":\"0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\",\"_return\":true,\"securityGroupRuleSet\":{\"items\":[{\"groupOwnerId\":\"444455556666\",\"groupId\":\"sg-0d1e2f3a4b5c6d7e8\",\"securityGroupRuleId\":\"sgr-0123456789abcdef0\",\"isEgress\":false,\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"cidrIpv4\":\"0.0.0.0/0\"}]}}");

        List<Alert> alerts = ENGINE.evaluate(record.decode(), KNOWN_ACCOUNTS::contains, 0L);

        assertThat(alerts)
                .extracting(a -> a.ruleId + " " + a.resource)
                .containsExactly("TW-NET-01 sg-0d1e2f3a4b5c6d7e8");
    }

    @Test
    void aLaunchNamesTheInstancesTheResponseShowsOptional() {
        CloudTrailRecord record =
                call(EC2, "RunInstances")
                        .request(
                                "{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0abcdef1234567890\",\"minCount\":2,\"maxCount\":2}]},\"launchTemplate\":{\"launchTemplateName\":\"web\"}}")
                        .response(
                                "{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0aaa1111bbbb22223\",\"metadataOptions\":{\"state\":\"pending\",\"httpTokens\":\"optional\"}},{\"instanceId\":\"i-0ccc3333dddd44445\",\"metadataOptions\":{\"state\":\"pending\",\"httpTokens\":\"optional\"}}]}}");

        List<Alert> alerts = ENGINE.evaluate(record.decode(), KNOWN_ACCOUNTS::contains, 0L);

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).resource).isEqualTo("i-0aaa1111bbbb22223 i-0ccc3333dddd44445");
        assertThat(alerts.get(0).evidence.fields)
                .anySatisfy(
                        f -> {
                            assertThat(f.name).isEqualTo("decidedBy");
                            assertThat(f.value).startsWith("response");
                        });
    }

    static String sg(String protocol, int from, int to, String ipRanges, String ipv6Ranges) {
        return "{\"groupId\":\"sg-0c3f5a7b9d1e24680\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\""
                + protocol
                + "\",\"fromPort\":"
                + from
                + ",\"toPort\":"
                + to
                + ",\"groups\":{},\"ipRanges\":"
                + ipRanges
                + ",\"ipv6Ranges\":"
                + ipv6Ranges
                + ",\"prefixListIds\":{}}]}}";
    }

    private static Arguments hit(
            String description, CloudTrailRecord record, String rule, Severity severity) {
        return Arguments.of(description, record, List.of(rule + " " + severity));
    }

    private static Arguments hits(String description, CloudTrailRecord record, String... expected) {
        return Arguments.of(description, record, List.of(expected));
    }

    private static Arguments none(String description, CloudTrailRecord record) {
        return Arguments.of(description, record, List.of());
    }
}
