package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.Owner;
import io.trailwatch.model.ResourceRef;
import io.trailwatch.model.UserIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precedence of the README's "Ownership table": resource id or ARN > bucket > CIDR > account; no
 * match is unowned.
 */
class OwnerResolverTest {
    private static OwnerResolver resolver;

    @BeforeAll
    static void table() throws Exception {
        resolver =
                new OwnerResolver(
                        OwnershipTableParser.parse(
                                "match,team,environment,contact,trusted_cidrs\n"
                                        + "111122223333,payments,prod,#payments-alerts,203.0.113.10/32\n"
                                        + "arn:aws:iam::111122223333:role/payments-web-role,payments-web,prod,#payments-web,\n"
                                        + "s3://acme-payments-exports,payments-data,prod,#payments-data,\n"
                                        + "sg-0c3f5a7b9d1e24680,platform-network,staging,#platform-network,\n"
                                        + "arn:aws:s3:::acme-analytics-*,data-lake,prod,#data-lake,\n"
                                        + "arn:aws:s3:::acme-analytics-raw*,raw-ingest,prod,#raw,\n"
                                        + "10.20.0.0/16,payments-vpc,prod,#payments-alerts,\n"
                                        + "10.20.3.0/24,payments-batch,prod,#batch,\n"
                                        + "eni-0a1b2c3d4e5f60001,exports-host,prod,#exports,\n",
                                "t.csv"));
    }

    @Test
    void accountIsTheFallback() {
        assertThat(
                        resolver.resolve(
                                        event(
                                                "111122223333",
                                                "arn:aws:iam::111122223333:user/alice",
                                                "198.51.100.1"))
                                .team)
                .isEqualTo("payments");
    }

    @Test
    void aGroupTheRequestNamedByNameIsFoundByTheIdInTheResponse() {
        CloudTrailEvent e =
                event("111122223333", "arn:aws:iam::111122223333:user/alice", "198.51.100.1");
        e.requestParameters = "{\"groupName\":\"default\",\"ipPermissions\":{}}";
        e.responseElements =
                "{\"_return\":true,\"securityGroupRuleSet\":{\"items\":[{\"groupId\":\"sg-0c3f5a7b9d1e24680\","
                        + "\"securityGroupRuleId\":\"sgr-0123456789abcdef0\"}]}}";

        Owner o = resolver.resolve(e);

        assertThat(o.team).isEqualTo("platform-network");
        assertThat(o.matchedBy).isEqualTo("sg-0c3f5a7b9d1e24680");

        // a read's response lists what it found: the read is still the caller's account's
        e.readOnly = true;
        e.eventName = "DescribeSecurityGroups";
        assertThat(resolver.resolve(e).team).isEqualTo("payments");
    }

    @Test
    void unknownAccountIsUnowned() {
        Owner o =
                resolver.resolve(
                        event("210987654321", "arn:aws:iam::210987654321:user/x", "198.51.100.1"));

        assertThat(o.isUnowned()).isTrue();
        assertThat(o.team).isEqualTo("unowned");
        assertThat(o.matchedBy).isNull();
    }

    @Test
    void addressBeatsAccountAndLongestPrefixWins() {
        assertThat(resolver.resolve(event("111122223333", null, "10.20.9.9")).team)
                .isEqualTo("payments-vpc");
        assertThat(resolver.resolve(event("111122223333", null, "10.20.3.14")).team)
                .isEqualTo("payments-batch");
    }

    @Test
    void bucketBeatsAddress() {
        CloudTrailEvent e = event("111122223333", null, "10.20.3.14");
        e.requestParameters = "{\"bucketName\":\"acme-payments-exports\",\"key\":\"a.csv\"}";

        assertThat(resolver.resolve(e).team).isEqualTo("payments-data");
    }

    @Test
    void resourceIdInTheRequestBeatsBucketAndAccount() {
        CloudTrailEvent e = event("444455556666", null, "10.20.3.14");
        e.requestParameters = "{\"groupId\":\"sg-0c3f5a7b9d1e24680\",\"ipPermissions\":{}}";

        assertThat(resolver.resolve(e).team).isEqualTo("platform-network");
    }

    @Test
    void actingRoleIsMatchedThroughItsSessionIssuer() {
        CloudTrailEvent e =
                event(
                        "111122223333",
                        "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890",
                        "198.51.100.77");
        e.userIdentity.sessionIssuerArn = "arn:aws:iam::111122223333:role/payments-web-role";
        e.requestParameters = "{\"bucketName\":\"acme-payments-exports\"}";

        Owner o = resolver.resolve(e);

        assertThat(o.team).isEqualTo("payments-web");
        assertThat(o.matchedBy).isEqualTo("arn:aws:iam::111122223333:role/payments-web-role");
    }

    @Test
    void longestArnPrefixWins() {
        CloudTrailEvent e = event("777788889999", null, "198.51.100.1");
        e.resources =
                new ResourceRef[] {
                    new ResourceRef(
                            "arn:aws:s3:::acme-analytics-raw/2026/x.parquet",
                            null,
                            "AWS::S3::Object")
                };
        assertThat(resolver.resolve(e).team).isEqualTo("raw-ingest");

        e.resources =
                new ResourceRef[] {
                    new ResourceRef(
                            "arn:aws:s3:::acme-analytics-curated",
                            "777788889999",
                            "AWS::S3::Bucket")
                };
        assertThat(resolver.resolve(e).team).isEqualTo("data-lake");
    }

    @Test
    void flowsMatchInterfaceThenAddressThenAccount() {
        FlowRecord f = new FlowRecord();
        f.accountId = "111122223333";
        f.interfaceId = "eni-0a1b2c3d4e5f60001";
        f.srcAddr = "10.20.3.14";
        f.dstAddr = "198.51.100.90";
        assertThat(resolver.resolve(f).team).isEqualTo("exports-host");

        f.interfaceId = "eni-0ffffffffffffffff";
        assertThat(resolver.resolve(f).team).isEqualTo("payments-batch");

        f.srcAddr = "192.0.2.1";
        f.dstAddr = "10.20.200.1";
        assertThat(resolver.resolve(f).team).isEqualTo("payments-vpc");

        f.dstAddr = "172.16.0.1";
        assertThat(resolver.resolve(f).team).isEqualTo("payments");

        f.accountId = "210987654321";
        assertThat(resolver.resolve(f).isUnowned()).isTrue();
    }

    @Test
    void ownerCarriesTrustedCidrsOfItsRow() {
        Owner o = resolver.resolve(event("111122223333", null, "198.51.100.1"));

        assertThat(o.trustedCidrs).containsExactly("203.0.113.10/32");
        assertThat(o.contact).isEqualTo("#payments-alerts");
    }

    private static CloudTrailEvent event(String account, String arn, String sourceIp) {
        CloudTrailEvent e = new CloudTrailEvent();
        e.recipientAccountId = account;
        e.sourceIpAddress = sourceIp;
        e.userIdentity = new UserIdentity();
        e.userIdentity.arn = arn;
        e.userIdentity.accountId = account;
        return e;
    }
}
