package io.trailwatch.detect.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.flink.SerializerSnapshots;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SignalSerializerTest {
    private static Signal readOnlyCall() {
        return new Signal(
                        "444455556666 arn:aws:sts::444455556666:assumed-role/Dev/ana@example.com",
                        1_760_436_000_000L,
                        "0c0c3e13-494f-4dfa-b98d-e6532b9a4895")
                .value("ec2:DescribeInstances")
                .attribute("AccessDenied")
                .amount(4096)
                .context(
                        "444455556666",
                        "eu-west-1",
                        "arn:aws:sts::444455556666:assumed-role/Dev/ana@example.com",
                        null,
                        new Owner(
                                "platform",
                                "staging",
                                "#platform-oncall",
                                new String[] {"203.0.113.128/28"},
                                "444455556666",
                                new OwnerAttribute[] {
                                    new OwnerAttribute("cost_center", "CC-2001"), null
                                }));
    }

    @Test
    void everyFieldSurvivesTheRoundTripIncludingNullsAndNonAscii() throws Exception {
        Signal signal = readOnlyCall();
        signal.detail = "Zürich büro ✓";
        Signal bare = new Signal(null, 0, null);

        for (Signal s : new Signal[] {signal, bare}) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            SignalSerializer.INSTANCE.serialize(s, out);
            Signal back =
                    SignalSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));

            assertThat(back).isEqualTo(s);
            assertThat(back.resource).isEqualTo(s.resource);
        }
    }

    @Test
    void aCopySharesNoMutableOwnerParts() {
        Signal signal = readOnlyCall();
        Signal copy = SignalSerializer.INSTANCE.copy(signal);
        copy.owner.trustedCidrs[0] = "0.0.0.0/0";

        assertThat(signal.owner.trustedCidrs).containsExactly("203.0.113.128/28");
    }

    @Test
    void aRestoredSnapshotReadsTheSameFormat() throws Exception {
        SerializerSnapshots.assertRestoresAsIs(SignalSerializer.INSTANCE);
    }
}
