package io.trailwatch.ingest;

import static io.trailwatch.ingest.Decoded.gzip;
import static io.trailwatch.ingest.Decoded.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.FlowRecord;
import org.junit.jupiter.api.Test;

class FlowLogDecodingTest {
    @Test
    void readsTheDefaultFormatWithoutHeader() {
        Decoded d = Decoded.file(resource("flow/default-v2.log"));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.flows).hasSize(2);
        FlowRecord f = d.flows.get(0);
        assertThat(f.version).isEqualTo(2);
        assertThat(f.accountId).isEqualTo("111122223333");
        assertThat(f.interfaceId).isEqualTo("eni-0a1b2c3d4e5f60001");
        assertThat(f.srcAddr).isEqualTo("10.20.3.14");
        assertThat(f.dstAddr).isEqualTo("198.51.100.90");
        assertThat(f.srcPort).isEqualTo(49152);
        assertThat(f.dstPort).isEqualTo(443);
        assertThat(f.protocol).isEqualTo(6);
        assertThat(f.packets).isEqualTo(1200L);
        assertThat(f.bytes).isEqualTo(1_500_000L);
        assertThat(f.start).isEqualTo(1760438400L);
        assertThat(f.end).isEqualTo(1760438460L);
        assertThat(f.action).isEqualTo("ACCEPT");
        assertThat(f.logStatus).isEqualTo("OK");
        assertThat(f.eventTime).isEqualTo(1760438400_000L);
        assertThat(f.vpcId).isNull();
        assertThat(f.where()).isEqualTo("test-file line 1");
    }

    @Test
    void countsNodataAndSkipdataWithoutAnalysingThem() {
        Decoded d = Decoded.file(gzip(resource("flow/default-v2.log")));

        assertThat(d.flows).hasSize(2);
        assertThat(d.skipped)
                .containsEntry(SkipKind.FLOW_NODATA, 1)
                .containsEntry(SkipKind.FLOW_SKIPDATA, 1);
    }

    @Test
    void readsACustomFormatAnnouncedByItsHeader() {
        Decoded d = Decoded.file(gzip(resource("flow/custom-v5.log")));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.flows).hasSize(2);
        FlowRecord in = d.flows.get(0);
        assertThat(in.version).isEqualTo(5);
        assertThat(in.dstPort).isEqualTo(22);
        assertThat(in.vpcId).isEqualTo("vpc-0aa11bb22cc33dd44");
        assertThat(in.subnetId).isEqualTo("subnet-0ee55ff66aa77bb88");
        assertThat(in.instanceId).isEqualTo("i-0f1e2d3c4b5a69788");
        assertThat(in.tcpFlags).isEqualTo(2);
        assertThat(in.type).isEqualTo("IPv4");
        assertThat(in.pktSrcAddr).isEqualTo("192.0.2.44");
        assertThat(in.region).isEqualTo("eu-west-1");
        assertThat(in.azId).isEqualTo("euw1-az1");
        assertThat(in.sublocationType).isNull();
        assertThat(in.flowDirection).isEqualTo("ingress");
        assertThat(in.trafficPath).isNull();
        FlowRecord out = d.flows.get(1);
        assertThat(out.pktDstAwsService).isEqualTo("S3");
        assertThat(out.trafficPath).isEqualTo(8);
        assertThat(out.where()).isEqualTo("test-file line 3");
    }

    @Test
    void readsEveryFieldUpToVersion8() {
        Decoded d = Decoded.file(resource("flow/all-fields-v8.log"));

        assertThat(d.deadLetters).isEmpty();
        FlowRecord f = d.flows.get(0);
        assertThat(f.version).isEqualTo(8);
        assertThat(f.instanceId).isNull();
        assertThat(f.ecsClusterArn).isEqualTo("arn:aws:ecs:eu-west-1:444455556666:cluster/web");
        assertThat(f.ecsClusterName).isEqualTo("web");
        assertThat(f.ecsContainerInstanceArn)
                .isEqualTo("arn:aws:ecs:eu-west-1:444455556666:container-instance/web/0a1b");
        assertThat(f.ecsContainerInstanceId).isEqualTo("0a1b");
        assertThat(f.ecsContainerId).isEqualTo("c0ffee01");
        assertThat(f.ecsSecondContainerId).isNull();
        assertThat(f.ecsServiceName).isEqualTo("web-svc");
        assertThat(f.ecsTaskDefinitionArn)
                .isEqualTo("arn:aws:ecs:eu-west-1:444455556666:task-definition/web:7");
        assertThat(f.ecsTaskArn).isEqualTo("arn:aws:ecs:eu-west-1:444455556666:task/web/abc123");
        assertThat(f.ecsTaskId).isEqualTo("abc123");
        assertThat(f.rejectReason).isEqualTo("BPA");
        assertThat(f.action).isEqualTo("REJECT");
    }

    @Test
    void acceptsAnAwsFormatStringAsHeader() {
        FlowLogFormat format =
                FlowLogFormat.parseHeader(
                        "${version} ${srcaddr} ${dstaddr} ${start} ${log-status}");

        assertThat(format).isNotNull();
        assertThat(format.fieldCount()).isEqualTo(5);
    }

    @Test
    void readsFlowLinesArrivingAsAKinesisRecord() {
        Decoded d = Decoded.kinesisRecord(resource("flow/default-v2.log"));

        assertThat(d.flows).hasSize(2);
        assertThat(d.skipped).containsEntry(SkipKind.FLOW_NODATA, 1);
    }

    @Test
    void aKinesisRecordOfFlowTextMayStartWithItsHeader() {
        String header = "version account-id srcaddr dstaddr srcport dstport start log-status";
        Decoded d =
                Decoded.kinesisRecord(
                        Decoded.utf8(
                                header
                                        + "\n  5 444455556666 192.0.2.44 10.40.1.25 51234 22 1760437560 OK\r\n"
                                        + "\n"
                                        + "5 444455556666 192.0.2.44 10.40.1.25 x 22 1760437560 OK\n"));

        assertThat(d.flows)
                .extracting(FlowRecord::where)
                .containsExactly("stream/shard-0/seq-1 line 2");
        assertThat(d.flows.get(0).version).isEqualTo(5);
        assertThat(d.deadLetters)
                .extracting(l -> l.reason + " " + l.origin + " " + l.excerpt)
                .containsExactly(
                        "flow-invalid-value stream/shard-0/seq-1 line 4"
                                + " 5 444455556666 192.0.2.44 10.40.1.25 x 22 1760437560 OK");
    }

    @Test
    void withoutAHeaderTheFirstLineOfAKinesisRecordIsNamedByTheRecordAlone() {
        String line =
                "2 444455556666 eni-1 198.51.100.9 10.0.1.15 51515 22 6 3 180 1760436000 1760436060 REJECT OK";
        Decoded d = Decoded.kinesisRecord(Decoded.utf8(line + "\n" + line + "\nnot a flow\n"));

        assertThat(d.flows)
                .extracting(FlowRecord::where)
                .containsExactly("stream/shard-0/seq-1", "stream/shard-0/seq-1 line 2");
        assertThat(d.deadLetters)
                .extracting(l -> l.origin)
                .containsExactly("stream/shard-0/seq-1 line 3");
    }
}
