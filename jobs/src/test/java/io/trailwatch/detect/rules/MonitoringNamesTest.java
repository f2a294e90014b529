package io.trailwatch.detect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitoringNamesTest {
    @Test
    void namesSplitIntoWordsAtPunctuationAndCaseChanges() {
        assertThat(MonitoringNames.words("RootAccountUsage"))
                .containsExactly("root", "account", "usage");
        assertThat(MonitoringNames.words("UnauthorizedAPICalls"))
                .containsExactly("unauthorized", "api", "calls");
        assertThat(MonitoringNames.words("cis-4.3_root_usage"))
                .containsExactly("cis", "4", "3", "root", "usage");
        assertThat(MonitoringNames.words("s3BucketPolicyChanges"))
                .containsExactly("s3", "bucket", "policy", "changes");
    }

    @Test
    void aWordMustMatchWhole() {
        assertThat(MonitoringNames.cisMonitoringWord("RootAccountUsage")).isEqualTo("root");
        assertThat(MonitoringNames.cisMonitoringWord("ConsoleSigninWithoutMFA"))
                .isEqualTo("console");
        assertThat(MonitoringNames.cisMonitoringWord("cpu-mon")).isNull();
        assertThat(MonitoringNames.cisMonitoringWord("checkout-p99-latency")).isNull();
        // "trailwatch" names no trail, "groot" no root user
        assertThat(MonitoringNames.cisMonitoringWord("trailwatch-refresh")).isNull();
        assertThat(MonitoringNames.cisMonitoringWord("groot-errors")).isNull();
        assertThat(MonitoringNames.securityServiceWord("nightly-report-trigger")).isNull();
        assertThat(MonitoringNames.securityServiceWord("GuardDutyFindingsToSlack"))
                .isEqualTo("guardduty");
        assertThat(MonitoringNames.securityServiceWord("SecurityHubToJira"))
                .isEqualTo("securityhub");
        assertThat(MonitoringNames.cisMonitoringWord("CloudTrailChanges")).isEqualTo("cloudtrail");
    }

    @Test
    void logGroupsOfAuditLogs() {
        assertThat(MonitoringNames.auditLogGroup("aws-cloudtrail-logs-111122223333-3f2a91c7"))
                .isEqualTo("CloudTrail");
        assertThat(MonitoringNames.auditLogGroup("CloudTrail/DefaultLogGroup"))
                .isEqualTo("CloudTrail");
        assertThat(MonitoringNames.auditLogGroup("/vpc/prod/flow-logs")).isEqualTo("VPC flow logs");
        assertThat(MonitoringNames.auditLogGroup("/aws/lambda/checkout")).isNull();
        assertThat(MonitoringNames.isCloudTrailStream("111122223333_CloudTrail_eu-west-1"))
                .isTrue();
        assertThat(MonitoringNames.isCloudTrailStream("111122223333_CloudTrail_us-gov-west-1"))
                .isTrue();
        assertThat(MonitoringNames.isCloudTrailStream("2026/10/14/[$LATEST]9f1c")).isFalse();
    }
}
