package io.trailwatch.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flow-log conformance corpus (src/test/resources/conformance/flow), written from the VPC flow
 * log record reference: the default format, and a custom format with a header for each version's
 * fields (3: VPC, subnet, instance, TCP flags, packet addresses; 4: region and zone; 5: AWS
 * services, direction and path; 7: ECS; 8: reject reason). Every line is a flow record or a counted
 * NODATA/SKIPDATA, and the version's own fields are read.
 */
class FlowConformanceTest {
    static final String CORPUS = "/conformance/flow/";

    static Stream<Arguments> corpus() {
        return Stream.of(
                file(
                        "v2-default.log",
                        2,
                        2,
                        f -> {
                            assertThat(f.version).isEqualTo(2);
                            assertThat(f.interfaceId).isEqualTo("eni-0a1b2c3d4e5f60001");
                            assertThat(f.dstPort).isEqualTo(5432);
                            assertThat(f.action).isEqualTo("ACCEPT");
                        }),
                file(
                        "v2-service-interface.log",
                        2,
                        0,
                        f -> {
                            // a load balancer's interface: AWS writes "unknown" for its account
                            assertThat(f.accountId).isEqualTo("unknown");
                            assertThat(f.dstPort).isEqualTo(443);
                        }),
                file(
                        "v3-custom.log",
                        2,
                        0,
                        f -> {
                            assertThat(f.version).isEqualTo(3);
                            assertThat(f.vpcId).isEqualTo("vpc-0aa11bb22cc33dd44");
                            assertThat(f.instanceId).isEqualTo("i-0a1b2c3d4e5f67890");
                            assertThat(f.type).isEqualTo("IPv4");
                            assertThat(f.tcpFlags).isEqualTo(19);
                            assertThat(f.pktDstAddr).isEqualTo("52.94.133.131");
                        }),
                file(
                        "v4-custom.log",
                        2,
                        0,
                        f -> {
                            assertThat(f.region).isEqualTo("eu-west-1");
                            assertThat(f.azId).isEqualTo("euw1-az1");
                            assertThat(f.sublocationType).isEqualTo("outpost");
                        }),
                file(
                        "v5-custom.log",
                        2,
                        0,
                        f -> {
                            assertThat(f.pktDstAwsService).isEqualTo("S3");
                            assertThat(f.flowDirection).isEqualTo("egress");
                            assertThat(f.trafficPath).isEqualTo(8);
                        }),
                file(
                        "v7-ecs.log",
                        1,
                        0,
                        f -> {
                            assertThat(f.version).isEqualTo(7);
                            assertThat(f.dstPort).isEqualTo(5432);
                        }),
                file(
                        "transit-gateway-default.log",
                        2,
                        0,
                        f -> {
                            assertThat(f.version).isEqualTo(6);
                            assertThat(f.srcAddr).isEqualTo("10.20.1.15");
                            assertThat(f.dstPort).isEqualTo(443);
                            assertThat(f.action).isNull();
                            assertThat(f.transitGateway).isNotNull();
                        }),
                file(
                        "v8-reject-reason.log",
                        2,
                        0,
                        f -> {
                            assertThat(f.version).isEqualTo(8);
                            assertThat(f.action).isEqualTo("REJECT");
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyLineIsAFlowRecordOrACountedSkip(
            String file, int flows, int skips, Consumer<FlowRecord> firstRecord)
            throws IOException {
        List<FlowRecord> records = new ArrayList<>();
        int[] skipped = {0};
        decode(
                file,
                decoded -> {
                    for (int i = 0; i < decoded.size(); i++) {
                        switch (decoded.kind(i)) {
                            case FLOW:
                                records.add(decoded.flow(i));
                                break;
                            case SKIPPED:
                                skipped[0]++;
                                break;
                            default:
                                throw new AssertionError(
                                        file + " entry " + i + ": " + describe(decoded, i));
                        }
                    }
                });

        assertThat(records).as(file).hasSize(flows);
        assertThat(skipped[0]).as(file).isEqualTo(skips);
        assertThat(records)
                .anySatisfy(
                        r -> assertThat(r.accountId).isEqualTo(CloudTrailConformanceTest.ACCOUNT));
        firstRecord.accept(records.get(0));
    }

    /**
     * The file read as a replay reads it: the scanner cuts it into runs, the decoder decodes each
     * (into a batch it reuses, so each is looked at before the next).
     */
    static void decode(String file, Consumer<DecodedBatch> each) throws IOException {
        RecordDecoder decoder = new RecordDecoder();
        try (InputStream in = FlowConformanceTest.class.getResourceAsStream(CORPUS + file);
                LogFileScanner scanner = new LogFileScanner(in, file, DecodeLimits.defaults())) {
            RawRecord run;
            while ((run = scanner.next()) != null) {
                each.accept(decoder.decode(run));
            }
        }
    }

    private static String describe(DecodedBatch decoded, int i) {
        return decoded.kind(i) == DecodedBatch.Kind.DEAD_LETTER
                ? decoded.deadLetter(i).reason + ": " + decoded.deadLetter(i).detail
                : String.valueOf(decoded.kind(i));
    }

    private static Arguments file(
            String name, int flows, int skips, Consumer<FlowRecord> firstRecord) {
        return Arguments.of(name, flows, skips, firstRecord);
    }
}
