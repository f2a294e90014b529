package io.trailwatch.ingest;

import static io.trailwatch.ingest.Decoded.resource;
import static io.trailwatch.ingest.Decoded.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawRecord;
import io.trailwatch.model.TransitGatewayFields;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flow log files without a header line: a declared format, or one AWS writes whole. */
class HeaderlessFlowFormatTest {
    /** Not one of the formats AWS writes whole: only a declaration makes it readable. */
    private static final FlowLogFormat DECLARED =
            FlowLogFormat.parseHeader(
                    "${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start}"
                            + " ${end} ${action} ${log-status} ${account-id}");

    private static final String DECLARED_LINES =
            "5 198.51.100.7 10.0.0.5 40000 22 6 1760437560 1760437620 REJECT OK 123456789012\n"
                    + "\n"
                    + "5 10.0.0.5 198.51.100.7 22 40000 6 1760437560 1760437620 ACCEPT OK"
                    + " 123456789012\n";

    private static final String TRIED =
            "not a flow log header, and matches no flow log format tried: default v2 (14 fields),"
                    + " transit gateway default (36), all v5 fields (29), all v7 (ECS) fields (39);";

    @Test
    void transitGatewayDefaultLinesAreRecognisedWithoutAHeader() {
        Decoded d = Decoded.file(resource("flow/headerless-tgw-default.log"));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.skipped).containsEntry(SkipKind.FLOW_NODATA, 1);
        assertThat(d.flows).hasSize(3);
        FlowRecord f = d.flows.get(0);
        assertThat(f.version).isEqualTo(6);
        assertThat(f.accountId).isEqualTo("123456789012");
        assertThat(f.srcAddr).isEqualTo("10.1.0.15");
        assertThat(f.dstAddr).isEqualTo("10.2.0.20");
        assertThat(f.srcPort).isEqualTo(52000);
        assertThat(f.dstPort).isEqualTo(5432);
        assertThat(f.protocol).isEqualTo(6);
        assertThat(f.packets).isEqualTo(12L);
        assertThat(f.bytes).isEqualTo(3400L);
        assertThat(f.start).isEqualTo(1760437560L);
        assertThat(f.end).isEqualTo(1760437620L);
        assertThat(f.eventTime).isEqualTo(1760437560_000L);
        assertThat(f.logStatus).isEqualTo("OK");
        assertThat(f.type).isEqualTo("IPv4");
        assertThat(f.tcpFlags).isEqualTo(19);
        assertThat(f.region).isEqualTo("us-east-1");
        assertThat(f.flowDirection).isEqualTo("egress");
        assertThat(f.pktSrcAwsService).isNull();
        // a transit gateway neither accepts nor rejects: its records have no action
        assertThat(f.action).isNull();
        assertThat(f.interfaceId).isNull();
        TransitGatewayFields t = f.transitGateway;
        assertThat(t.resourceType).isEqualTo("TransitGateway");
        assertThat(t.tgwId).isEqualTo("tgw-0a1b2c3d4e5f67890");
        assertThat(t.attachmentId).isEqualTo("tgw-attach-0123456789abcdef0");
        assertThat(t.srcVpcAccountId).isEqualTo("111122223333");
        assertThat(t.dstVpcAccountId).isEqualTo("444455556666");
        assertThat(t.srcVpcId).isEqualTo("vpc-0aaa1111bbbb2222c");
        assertThat(t.dstVpcId).isEqualTo("vpc-0ddd3333eeee4444f");
        assertThat(t.srcSubnetId).isEqualTo("subnet-0aaa1111bbbb2222c");
        assertThat(t.dstSubnetId).isEqualTo("subnet-0ddd3333eeee4444f");
        assertThat(t.srcEni).isEqualTo("eni-0aaa1111bbbb2222c");
        assertThat(t.dstEni).isEqualTo("eni-0ddd3333eeee4444f");
        assertThat(t.srcAzId).isEqualTo("use1-az1");
        assertThat(t.dstAzId).isEqualTo("use1-az2");
        assertThat(t.pairAttachmentId).isEqualTo("tgw-attach-0fedcba9876543210");
        assertThat(t.packetsLostNoRoute).isZero();
        assertThat(t.packetsLostBlackhole).isZero();
        assertThat(t.packetsLostMtuExceeded).isZero();
        assertThat(t.packetsLostTtlExpired).isZero();
        assertThat(f.tuple())
                .isEqualTo(
                        "tgw-attach-0123456789abcdef0 10.1.0.15:52000 -> 10.2.0.20:5432 proto 6"
                                + " @1760437560");

        FlowRecord ipv6 = d.flows.get(1);
        assertThat(ipv6.srcAddr).isEqualTo("2001:db8:2::14");
        assertThat(ipv6.dstAddr).isEqualTo("2001:db8:1::f");
        assertThat(ipv6.type).isEqualTo("IPv6");
        assertThat(ipv6.where()).isEqualTo("test-file line 2");

        FlowRecord dropped = d.flows.get(2);
        assertThat(dropped.transitGateway.packetsLostBlackhole).isEqualTo(4L);
        assertThat(dropped.transitGateway.dstVpcId).isNull();
        assertThat(dropped.transitGateway.pairAttachmentId).isNull();
    }

    @Test
    void allVersion5FieldsAreRecognisedWithoutAHeader() {
        Decoded d = Decoded.file(resource("flow/headerless-all-v5.log"));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.skipped).containsEntry(SkipKind.FLOW_NODATA, 1);
        assertThat(d.flows).hasSize(3);
        FlowRecord out = d.flows.get(0);
        assertThat(out.version).isEqualTo(5);
        assertThat(out.interfaceId).isEqualTo("eni-0f1e2d3c4b5a69780");
        assertThat(out.action).isEqualTo("ACCEPT");
        assertThat(out.vpcId).isEqualTo("vpc-0123456789abcdef0");
        assertThat(out.instanceId).isEqualTo("i-0a1b2c3d4e5f67890");
        assertThat(out.pktDstAddr).isEqualTo("203.0.113.25");
        assertThat(out.azId).isEqualTo("use1-az4");
        assertThat(out.trafficPath).isEqualTo(8);
        assertThat(out.transitGateway).isNull();
        FlowRecord in = d.flows.get(1);
        assertThat(in.action).isEqualTo("REJECT");
        assertThat(in.dstPort).isEqualTo(22);
        assertThat(in.flowDirection).isEqualTo("ingress");
        assertThat(in.trafficPath).isNull();
        assertThat(d.flows.get(2).pktDstAwsService).isEqualTo("S3");
    }

    @Test
    void allVersion7FieldsWithTheEcsOnesAreRecognisedWithoutAHeader() {
        Decoded d = Decoded.file(resource("flow/headerless-all-v7-ecs.log"));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.flows).hasSize(2);
        FlowRecord f = d.flows.get(0);
        assertThat(f.version).isEqualTo(7);
        assertThat(f.dstPort).isEqualTo(5432);
        assertThat(f.instanceId).isNull();
        assertThat(f.ecsClusterArn)
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/payments");
        assertThat(f.ecsClusterName).isEqualTo("payments");
        assertThat(f.ecsContainerInstanceArn).isNull();
        assertThat(f.ecsContainerId).isEqualTo("5f2c8e1a9b7d4c3e0a1f2b3c4d5e6f70-2817364950");
        assertThat(f.ecsServiceName).isEqualTo("api");
        assertThat(f.ecsTaskDefinitionArn)
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/api:12");
        assertThat(f.ecsTaskId).isEqualTo("5f2c8e1a9b7d4c3e0a1f2b3c4d5e6f70");
        assertThat(d.flows.get(1).action).isEqualTo("REJECT");
    }

    @Test
    void aDeclaredFormatReadsLinesWithoutAHeader() {
        Decoded d = Decoded.file(utf8(DECLARED_LINES), DECLARED);

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.flows)
                .extracting(f -> f.srcAddr + ":" + f.srcPort + " " + f.action + " " + f.accountId)
                .containsExactly(
                        "198.51.100.7:40000 REJECT 123456789012",
                        "10.0.0.5:22 ACCEPT 123456789012");
        assertThat(d.flows)
                .extracting(FlowRecord::where)
                .containsExactly("test-file line 1", "test-file line 3");
        assertThat(d.flows.get(0).interfaceId).isNull();
    }

    @Test
    void aDeclaredFormatChecksEveryLineAsAHeaderWould() {
        Decoded d =
                Decoded.file(
                        utf8(
                                DECLARED_LINES
                                        + "5 198.51.100.7 10.0.0.5 40000 70000 6 1760437560"
                                        + " 1760437620 REJECT OK 123456789012\n"
                                        + "5 198.51.100.7 10.0.0.5 40000\n"),
                        DECLARED);

        assertThat(d.flows).hasSize(2);
        assertThat(d.deadLetters)
                .extracting(l -> l.reason + " " + l.origin + ": " + l.detail)
                .containsExactly(
                        "flow-invalid-value test-file line 4: dstport 70000 is out of range (at"
                                + " most 65535)",
                        "flow-field-count test-file line 5: expected 11 fields (format: version"
                                + " srcaddr dstaddr srcport dstport protocol start end action"
                                + " log-status account-id), got 4");
    }

    @Test
    void aFilesOwnHeaderWinsOverTheDeclaredFormat() {
        Decoded d =
                Decoded.file(
                        utf8(
                                "version account-id action srcaddr dstaddr srcport dstport start"
                                        + " log-status\n"
                                        + "5 123456789012 ACCEPT 10.0.0.5 198.51.100.7 22 40000"
                                        + " 1760437560 OK\n"),
                        DECLARED);

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.flows)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.action).isEqualTo("ACCEPT");
                            assertThat(f.srcAddr).isEqualTo("10.0.0.5");
                            assertThat(f.where()).isEqualTo("test-file line 2");
                        });
    }

    @Test
    void aFileOfAnotherFieldCountThanTheDeclaredIsLeftToTheFormatsAwsWrites() {
        Decoded v2 = Decoded.file(resource("flow/default-v2.log"), DECLARED);
        Decoded tgw = Decoded.file(resource("flow/headerless-tgw-default.log"), DECLARED);

        assertThat(v2.deadLetters).isEmpty();
        assertThat(v2.flows).hasSize(2).allSatisfy(f -> assertThat(f.version).isEqualTo(2));
        assertThat(tgw.deadLetters).isEmpty();
        assertThat(tgw.flows).hasSize(3).allSatisfy(f -> assertThat(f.version).isEqualTo(6));
    }

    @Test
    void aFileOfNoFormatTriedIsOneDeadLetterNamingEachFormatTried() {
        byte[] text = utf8("these are notes, not a flow log\nsecond line\n");

        Decoded undeclared = Decoded.file(text, (FlowLogFormat) null);
        Decoded declared = Decoded.file(text, DECLARED);

        assertThat(undeclared.flows).isEmpty();
        assertThat(undeclared.deadLetters)
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.reason).isEqualTo("unrecognized-content");
                            assertThat(l.origin).isEqualTo("test-file");
                            assertThat(l.detail).isEqualTo(TRIED + " the line has 7 fields");
                        });
        assertThat(declared.deadLetters)
                .extracting(l -> l.detail)
                .containsExactly(
                        "not a flow log header, and matches no flow log format tried: declared (11"
                                + " fields), default v2 (14), transit gateway default (36), all v5"
                                + " fields (29), all v7 (ECS) fields (39); the line has 7 fields");
    }

    @Test
    void aFieldCountOfAKnownFormatIsNotEnoughWithoutItsValues() {
        String v5 = firstLine("flow/headerless-all-v5.log");
        String tgw = firstLine("flow/headerless-tgw-default.log");

        assertThat(deadLetter(v5.replaceFirst("^5 ", "4 ")))
                .isEqualTo(
                        TRIED
                                + " the line has 29 fields, but as all v5 fields: version 4 is not 5");
        assertThat(deadLetter(v5.replace(" 203.0.113.25 49761", " 203.0.113 49761")))
                .isEqualTo(
                        TRIED
                                + " the line has 29 fields, but as all v5 fields: dstaddr '203.0.113'"
                                + " is not an IPv4 or IPv6 address");
        assertThat(deadLetter(v5.replace(" 123456789012 ", " 12345 ")))
                .isEqualTo(
                        TRIED
                                + " the line has 29 fields, but as all v5 fields: account-id '12345'"
                                + " is not an account id");
        assertThat(deadLetter(tgw.replace("TransitGateway", "VPC")))
                .isEqualTo(
                        TRIED
                                + " the line has 36 fields, but as transit gateway default:"
                                + " resource-type 'VPC' is not TransitGateway or"
                                + " TransitGatewayAttachment");
        assertThat(deadLetter(tgw.replace(" OK IPv4", " MAYBE IPv4")))
                .isEqualTo(
                        TRIED
                                + " the line has 36 fields, but as transit gateway default:"
                                + " log-status 'MAYBE' is not OK, NODATA or SKIPDATA");
    }

    @Test
    void theDefaultFormatsLinesTravelWithoutAHeaderAndAnotherFormatsWithItsFields() {
        assertThat(headers(resource("flow/default-v2.log"))).containsOnlyNulls();
        assertThat(headers(resource("flow/headerless-tgw-default.log")))
                .containsOnly(KnownFlowFormat.TRANSIT_GATEWAY_DEFAULT.format.header());
        assertThat(headers(utf8(DECLARED_LINES), DECLARED)).containsOnly(DECLARED.header());
    }

    private static String deadLetter(String line) {
        Decoded d = Decoded.file(utf8(line + "\n"), (FlowLogFormat) null);
        assertThat(d.flows).isEmpty();
        assertThat(d.deadLetters).hasSize(1);
        assertThat(d.deadLetters.get(0).reason).isEqualTo("unrecognized-content");
        return d.deadLetters.get(0).detail;
    }

    private static String firstLine(String resource) {
        return new String(resource(resource), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow();
    }

    private static List<String> headers(byte[] file) {
        return headers(file, null);
    }

    /** The header each raw record of the file carries. */
    private static List<String> headers(byte[] file, FlowLogFormat declared) {
        List<String> headers = new ArrayList<>();
        try (LogFileScanner scanner =
                new LogFileScanner(
                        new ByteArrayInputStream(file), "f", DecodeLimits.defaults(), declared)) {
            RawRecord r;
            while ((r = scanner.next()) != null) {
                headers.add(r.flowHeader);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(headers).isNotEmpty();
        return headers;
    }
}
