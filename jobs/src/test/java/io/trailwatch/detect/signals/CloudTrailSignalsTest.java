package io.trailwatch.detect.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.CloudTrailRecord;
import io.trailwatch.ownership.AwsRange;
import io.trailwatch.ownership.AwsRangeIndex;
import io.trailwatch.ownership.AwsRangesFiles;
import io.trailwatch.ownership.Cidr;
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
        extract(record, enabled, CallerAddresses.UNKNOWN);
    }

    private void extract(
            CloudTrailRecord record, Set<SignalKind> enabled, CallerAddresses addresses) {
        CloudTrailEvent e = record.decode();
        new CloudTrailSignals(enabled)
                .extract(
                        e,
                        ev -> APP_NAT,
                        addresses,
                        (kind, s) -> {
                            emitted.add(kind + " " + s.key + " " + s.value);
                            signals.add(s);
                        });
    }

    /** AWS's ranges of the tests; the organization owns 34.244.0.0/16 (a CIDR row). */
    private static final CallerAddresses AWS_RANGES =
            new CallerAddresses() {
                private final AwsRangeIndex index = AwsRangeIndex.of(AwsRangesFiles.parsed());

                @Override
                public AwsRange awsRange(String address) {
                    return index.find(address);
                }

                @Override
                public boolean inOwnedNetwork(String address) {
                    return Cidr.parse("34.244.0.0/16").contains(address);
                }
            };

    private static final Set<SignalKind> CREDENTIALS =
            EnumSet.of(
                    SignalKind.INSTANCE_CREDENTIALS_OUTSIDE,
                    SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS);

    private static CloudTrailRecord instanceCall(String from) {
        return call("sts.amazonaws.com", "GetCallerIdentity")
                .readOnly()
                .instanceRole("payments-web-role", "i-0a1b2c3d4e5f67890", "2.0")
                .from(from);
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
    void withAwsRangesAnAwsAddressIsInsideAwsKeyedByTheAddressNotOutside() {
        extract(instanceCall("34.241.2.9"), CREDENTIALS, AWS_RANGES);

        assertThat(emitted)
                .containsExactly(
                        "INSTANCE_CREDENTIALS_INSIDE_AWS 34.241.2.9 sts:GetCallerIdentity");
        Signal s = signals.get(0);
        assertThat(s.account).isEqualTo(ACCOUNT);
        assertThat(s.principal)
                .isEqualTo(
                        "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890");
        assertThat(s.resource).isEqualTo("i-0a1b2c3d4e5f67890");
        assertThat(s.attribute).isEqualTo("2.0");
        assertThat(s.detail).isEqualTo("34.240.0.0/13 eu-west-1 AMAZON EC2");
    }

    @Test
    void withAwsRangesAnAddressOutsideThemIsStillOutsideAws() {
        extract(instanceCall("198.51.100.77"), CREDENTIALS, AWS_RANGES);
        // any AWS service's address is inside AWS, as GuardDuty counts it, not only EC2's
        extract(instanceCall("13.33.0.1"), CREDENTIALS, AWS_RANGES);

        assertThat(emitted)
                .containsExactly(
                        "INSTANCE_CREDENTIALS_OUTSIDE 111122223333"
                                + " arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890"
                                + " 198.51.100.77 sts:GetCallerIdentity",
                        "INSTANCE_CREDENTIALS_INSIDE_AWS 13.33.0.1 sts:GetCallerIdentity");
    }

    @Test
    void anAwsAddressTheOwnershipTableOwnsOrTrustsIsNeither() {
        // a CIDR row of the table
        extract(instanceCall("34.244.7.1"), CREDENTIALS, AWS_RANGES);
        // the owner's trusted_cidrs (APP_NAT), inside AWS's ranges or not
        extract(instanceCall("203.0.113.10"), CREDENTIALS, AWS_RANGES);
        // with TW-CRED-02 off, an AWS address is not TW-CRED-01's either
        extract(
                instanceCall("34.241.2.9"),
                EnumSet.of(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE),
                AWS_RANGES);

        assertThat(emitted).isEmpty();
    }

    @Test
    void addressesTheOrganizationIsGivenAreLearntFromRequestAndResponse() {
        Set<SignalKind> held = EnumSet.of(SignalKind.ADDRESS_HELD);
        extract(
                call("ec2.amazonaws.com", "AllocateAddress")
                        .request("{\"domain\":\"vpc\"}")
                        .response(
                                "{\"requestId\":\"5ad61c33-3f10-4bd9-a1a6-2f0d9f3c1a7e\","
                                        + "\"publicIp\":\"52.210.14.7\",\"domain\":\"vpc\","
                                        + "\"allocationId\":\"eipalloc-0c5e2a7f9d1b34680\","
                                        + "\"publicIpv4Pool\":\"amazon\",\"networkBorderGroup\":\"eu-west-1\"}"),
                held);
        extract(
                call("ec2.amazonaws.com", "AssociateAddress")
                        .request(
                                "{\"publicIp\":\"34.245.77.10\",\"instanceId\":\"i-0a1b2c3d4e5f67890\","
                                        + "\"allowReassociation\":false}")
                        .response(
                                "{\"requestId\":\"0f6f6a3e-8c1e-4f55-9d57-2a3d0f2b1c11\",\"_return\":true,"
                                        + "\"associationId\":\"eipassoc-0b7d2e4f6a8c13579\"}"),
                held);
        extract(
                call("ec2.amazonaws.com", "RunInstances")
                        .response(
                                "{\"requestId\":\"e0f0c8a1-5b6d-4c2e-9f3a-7d8b9c0e1f2a\","
                                        + "\"reservationId\":\"r-0d1e2f3a4b5c6d7e8\",\"ownerId\":\"111122223333\","
                                        + "\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0f1e2d3c4b5a69788\","
                                        + "\"privateIpAddress\":\"10.20.1.37\",\"ipAddress\":\"52.212.40.3\","
                                        + "\"networkInterfaceSet\":{\"items\":[{\"networkInterfaceId\":\"eni-0a9b8c7d6e5f40312\","
                                        + "\"privateIpAddress\":\"10.20.1.37\",\"association\":{\"publicIp\":\"52.212.40.3\","
                                        + "\"publicDnsName\":\"ec2-52-212-40-3.eu-west-1.compute.amazonaws.com\","
                                        + "\"ipOwnerId\":\"amazon\"}}]}}]}}"),
                held);
        extract(
                call("ec2.amazonaws.com", "CreateNatGateway")
                        .response(
                                "{\"CreateNatGatewayResponse\":{\"natGateway\":{\"natGatewayId\":\"nat-0a1b2c3d4e5f60789\","
                                        + "\"natGatewayAddressSet\":{\"item\":{\"allocationId\":\"eipalloc-0f9e8d7c6b5a43210\","
                                        + "\"privateIp\":\"10.20.0.9\",\"publicIp\":\"34.246.1.2\"}}}}}"),
                held);

        assertThat(emitted)
                .containsExactly(
                        "ADDRESS_HELD 52.210.14.7 AllocateAddress",
                        "ADDRESS_HELD 34.245.77.10 AssociateAddress",
                        "ADDRESS_HELD 52.212.40.3 RunInstances",
                        "ADDRESS_HELD 34.246.1.2 CreateNatGateway");
        assertThat(signals.get(0).account).isEqualTo(ACCOUNT);
        assertThat(signals.get(0).time)
                .isEqualTo(java.time.Instant.parse("2026-10-14T10:20:05Z").toEpochMilli());
    }

    @Test
    void nothingIsLearntFromFailedCallsPrivateAddressesOrOtherApis() {
        Set<SignalKind> held = EnumSet.of(SignalKind.ADDRESS_HELD);
        extract(
                call("ec2.amazonaws.com", "AssociateAddress")
                        .request(
                                "{\"publicIp\":\"34.245.77.10\",\"instanceId\":\"i-0a1b2c3d4e5f67890\"}")
                        .failed("Client.UnauthorizedOperation"),
                held);
        // associated by allocation id: the event names no address
        extract(
                call("ec2.amazonaws.com", "AssociateAddress")
                        .request(
                                "{\"allocationId\":\"eipalloc-0c5e2a7f9d1b34680\",\"instanceId\":\"i-0a1b2c3d4e5f67890\"}"),
                held);
        extract(
                call("ec2.amazonaws.com", "RunInstances")
                        .response(
                                "{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0f1e2d3c4b5a69788\","
                                        + "\"privateIpAddress\":\"10.20.1.37\",\"ipAddress\":\"10.20.1.37\"}]}}"),
                held);
        extract(
                call("ec2.amazonaws.com", "DescribeAddresses")
                        .readOnly()
                        .response(
                                "{\"addressesSet\":{\"items\":[{\"publicIp\":\"52.210.14.7\"}]}}"),
                held);
        // "ipAddress" counts only in a launch's response
        extract(
                call("ec2.amazonaws.com", "AllocateAddress")
                        .response(
                                "{\"ipAddress\":\"52.210.14.8\",\"allocationId\":\"eipalloc-1\"}"),
                held);

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
