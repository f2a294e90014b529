package io.trailwatch.detect.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudTrailSignalsTest {
    private static final String ACCOUNT = "111122223333";

    private static CloudTrailRecord call(String source, String name) {
        return CloudTrailRecord.call(ACCOUNT, source, name);
    }

    private static CloudTrailRecord consoleLogin(String user, String result) {
        return CloudTrailRecord.consoleLogin(ACCOUNT, user, result);
    }

    private static final String[] APP_NAT = {"203.0.113.10/32"};

    private final List<String> emitted = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();

    private void extract(CloudTrailRecord record) {
        extract(record, EnumSet.allOf(SignalKind.class));
    }

    private void extract(CloudTrailRecord record, Set<SignalKind> enabled) {
        CloudTrailEvent e = record.decode();
        new CloudTrailSignals(enabled)
                .extract(
                        e,
                        ev -> APP_NAT,
                        (kind, s) -> {
                            emitted.add(kind + " " + s.key + " " + s.value);
                            signals.add(s);
                        });
    }

    @Test
    void aFailedSignInCountsForItsAddressAndItsUser() {
        extract(consoleLogin("analyst-mchen", "Failure").from("198.51.100.23"));

        assertThat(emitted)
                .containsExactly(
                        "FAILED_LOGIN_BY_ADDRESS 111122223333 198.51.100.23 analyst-mchen",
                        "FAILED_LOGIN_BY_USER 111122223333 analyst-mchen 198.51.100.23");
        assertThat(signals.get(1).principal)
                .isEqualTo("arn:aws:iam::111122223333:user/analyst-mchen");
    }

    @Test
    void aHiddenUserNameCountsForTheAddressOnly() {
        extract(consoleLogin("HIDDEN_DUE_TO_SECURITY_REASONS", "Failure").from("198.51.100.23"));

        assertThat(emitted)
                .containsExactly(
                        "FAILED_LOGIN_BY_ADDRESS 111122223333 198.51.100.23 (unknown user)");
    }

    @Test
    void aSuccessfulSignInIsASignInSignal() {
        extract(consoleLogin("analyst-mchen", "Success").from("198.51.100.23"));

        assertThat(emitted).containsExactly("SUCCESSFUL_LOGIN 111122223333 analyst-mchen");
        assertThat(signals.get(0).attribute).isEqualTo("198.51.100.23");
        assertThat(signals.get(0).detail).isEqualTo("No");
    }

    @Test
    void deniedCallsFollowTheCisFilter() {
        extract(call("iam.amazonaws.com", "ListUsers").readOnly().failed("AccessDenied"));
        extract(call("ec2.amazonaws.com", "RunInstances").failed("Client.UnauthorizedOperation"));
        extract(call("kms.amazonaws.com", "ListKeys").failed("AccessDeniedException"));
        extract(call("ec2.amazonaws.com", "DescribeVpcs").failed("RequestLimitExceeded"));

        assertThat(emitted)
                .filteredOn(s -> s.startsWith("DENIED_CALL"))
                .containsExactly(
                        "DENIED_CALL 111122223333 arn:aws:iam::111122223333:user/dev-jlee iam:ListUsers",
                        "DENIED_CALL 111122223333 arn:aws:iam::111122223333:user/dev-jlee ec2:RunInstances",
                        "DENIED_CALL 111122223333 arn:aws:iam::111122223333:user/dev-jlee kms:ListKeys");
    }

    @Test
    void readOnlyCallsExcludeServicesServiceLinkedRolesAndDataEvents() {
        extract(call("ec2.amazonaws.com", "DescribeInstances").readOnly());
        extract(
                call("ec2.amazonaws.com", "DescribeVolumes")
                        .readOnly()
                        .assumedRole(
                                "aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                                "AWSConfig-Describe"));
        extract(
                call("kms.amazonaws.com", "Decrypt")
                        .readOnly()
                        .assumedRole("app", "s1")
                        .invokedBy("secretsmanager.amazonaws.com"));
        extract(call("ec2.amazonaws.com", "CreateTags"));
        extract(
                call("s3.amazonaws.com", "GetObject").readOnly().dataEvent(),
                EnumSet.of(SignalKind.READ_ONLY_CALL));

        assertThat(emitted)
                .containsExactly(
                        "READ_ONLY_CALL 111122223333 arn:aws:iam::111122223333:user/dev-jlee ec2:DescribeInstances");
    }

    @Test
    void instanceCredentialsFromAnUntrustedPublicAddressAreSignalled() {
        extract(
                call("sts.amazonaws.com", "GetCallerIdentity")
                        .readOnly()
                        .instanceRole("payments-web-role", "i-0a1b2c3d4e5f67890", "1.0")
                        .from("198.51.100.77"),
                EnumSet.of(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE));

        assertThat(emitted)
                .containsExactly(
                        "INSTANCE_CREDENTIALS_OUTSIDE 111122223333"
                                + " arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890"
                                + " 198.51.100.77 sts:GetCallerIdentity");
        Signal s = signals.get(0);
        assertThat(s.resource).isEqualTo("i-0a1b2c3d4e5f67890");
        assertThat(s.attribute).isEqualTo("1.0");
        assertThat(s.detail).isEqualTo("198.51.100.77");
    }

    @Test
    void instanceCredentialsInsideAwsOrFromTrustedRangesAreNot() {
        for (String inside :
                new String[] {
                    "203.0.113.10", "10.20.1.37", "ec2.amazonaws.com", "AWS Internal", "100.64.3.2"
                }) {
            extract(
                    call("s3.amazonaws.com", "GetObject")
                            .readOnly()
                            .instanceRole("payments-web-role", "i-0a1b2c3d4e5f67890", "2.0")
                            .from(inside),
                    EnumSet.of(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE));
        }
        // not an instance session: a person's role, from anywhere, is another rule's business
        extract(
                call("sts.amazonaws.com", "GetCallerIdentity")
                        .assumedRole("etl-runner", "ci-1234")
                        .from("192.0.2.150"),
                EnumSet.of(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE));

        assertThat(emitted).isEmpty();
    }

    @Test
    void s3DownloadsCarryBucketAndBytes() {
        extract(
                call("s3.amazonaws.com", "GetObject")
                        .readOnly()
                        .request("{\"bucketName\":\"acme-payments-exports\",\"key\":\"a.csv\"}")
                        .additional("{\"bytesTransferredIn\":0,\"bytesTransferredOut\":2481}"),
                EnumSet.of(SignalKind.S3_ACCESS));
        extract(
                call("s3.amazonaws.com", "ListBuckets").readOnly(),
                EnumSet.of(SignalKind.S3_ACCESS));
        extract(
                call("s3.amazonaws.com", "GetObject")
                        .readOnly()
                        .request("{\"bucketName\":\"b\"}")
                        .failed("AccessDenied"),
                EnumSet.of(SignalKind.S3_ACCESS));

        assertThat(signals).hasSize(2);
        assertThat(signals.get(0).value).isEqualTo("acme-payments-exports");
        assertThat(signals.get(0).attribute).isEqualTo("GetObject");
        assertThat(signals.get(0).amount).isEqualTo(2481);
        assertThat(signals.get(1).attribute).isEqualTo("ListBuckets");
        assertThat(signals.get(1).value).isNull();
    }

    @Test
    void securityGroupsOpenedOnSensitivePortsAreSignalledPerPort() {
        extract(
                call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                        .request(ingress("tcp", 22, 22)),
                EnumSet.of(SignalKind.SENSITIVE_PORT_OPENED));
        extract(
                call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                        .request(ingress("tcp", 443, 443)),
                EnumSet.of(SignalKind.SENSITIVE_PORT_OPENED));
        extract(
                call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                        .request(ingress("tcp", 22, 22))
                        .failed("Client.UnauthorizedOperation"),
                EnumSet.of(SignalKind.SENSITIVE_PORT_OPENED));

        assertThat(emitted).containsExactly("SENSITIVE_PORT_OPENED 111122223333 22 22");
        assertThat(signals.get(0).resource).isEqualTo("sg-0c3f5a7b9d1e24680");

        emitted.clear();
        extract(
                call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                        .request(ingress("-1", -1, -1)),
                EnumSet.of(SignalKind.SENSITIVE_PORT_OPENED));
        assertThat(emitted).hasSize(9);
    }

    @Test
    void disabledKindsAreNotProduced() {
        extract(
                consoleLogin("analyst-mchen", "Failure").from("198.51.100.23"),
                EnumSet.of(SignalKind.FAILED_LOGIN_BY_ADDRESS));

        assertThat(emitted)
                .containsExactly(
                        "FAILED_LOGIN_BY_ADDRESS 111122223333 198.51.100.23 analyst-mchen");
    }

    private static String ingress(String protocol, int from, int to) {
        return "{\"groupId\":\"sg-0c3f5a7b9d1e24680\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\""
                + protocol
                + "\",\"fromPort\":"
                + from
                + ",\"toPort\":"
                + to
                + ",\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}}";
    }
}
