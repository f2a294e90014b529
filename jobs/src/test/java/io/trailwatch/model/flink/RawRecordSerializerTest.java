package io.trailwatch.model.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RawRecordSerializerTest {
    /** A run of two version 2 flow log lines from line 41 of a file with a custom header. */
    private static RawRecord flowRun() {
        RawRecord run =
                new RawRecord(
                        "s3://flow-logs/AWSLogs/444455556666/vpcflowlogs/eu-west-1/2026/10/14/file.log.gz",
                        RawKind.FLOW_LINES,
                        ("444455556666 eni-0a1b2c3d4e5f60718 198.51.100.9 10.0.1.15 51515 22 6 3 180 1760436000 1760436060 REJECT OK\n"
                                        + "444455556666 eni-0a1b2c3d4e5f60718 198.51.100.9 10.0.1.15 51516 22 6 3 180 1760436000 1760436060 REJECT OK\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status");
        run.firstLine = 41;
        return run;
    }

    /** A problem the source found, with a reason and detail and no header. */
    private static RawRecord sourceError() {
        return RawRecord.sourceError(
                "logs/empty.json.gz",
                "line-too-long",
                "line 3 is longer than 1 048 576 bytes (Zürich ✓)",
                new byte[] {'{', '"'});
    }

    @Test
    void everyFieldSurvivesTheRoundTripIncludingNulls() throws Exception {
        RawRecord bare = new RawRecord();
        for (RawRecord r : new RawRecord[] {flowRun(), sourceError(), bare}) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            RawRecordSerializer.INSTANCE.serialize(r, out);
            RawRecord back =
                    RawRecordSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));

            assertThat(back).usingRecursiveComparison().isEqualTo(r);
        }
    }

    /**
     * Nothing changes a raw record once made, so handing it to a chained operator copies nothing.
     */
    @Test
    void aCopyIsTheRecordItself() {
        RawRecord r = flowRun();

        assertThat(RawRecordSerializer.INSTANCE.copy(r)).isSameAs(r);
        assertThat(RawRecordSerializer.INSTANCE.isImmutableType()).isTrue();
    }

    @Test
    void theSourcesTypeGivesThisSerializerWithGenericTypesDisabled() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);

        assertThat(RawRecordTypeInfo.INSTANCE.createSerializer(config))
                .isSameAs(RawRecordSerializer.INSTANCE);
        assertThat(RawRecordTypeInfo.INSTANCE.getTypeClass()).isEqualTo(RawRecord.class);
    }

    @Test
    void aRestoredSnapshotReadsTheSameFormat() throws Exception {
        SerializerSnapshots.assertRestoresAsIs(RawRecordSerializer.INSTANCE);
    }
}
