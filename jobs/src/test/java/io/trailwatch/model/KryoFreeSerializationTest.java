package io.trailwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.dedup.DedupEpisode;
import io.trailwatch.detect.patterns.ActivitySummary;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.BurstWindow;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.PortExposure;
import io.trailwatch.detect.windowed.PortExposures;
import io.trailwatch.detect.windowed.RecentBursts;
import io.trailwatch.ownership.AwsRangesFiles;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type that crosses an operator boundary or sits in state is a Flink POJO whose serializer
 * needs no Kryo (Flink 2.x cannot restore Kryo-serialized state), checked with generic types
 * disabled.
 */
class KryoFreeSerializationTest {
    static List<Object> records() {
        return List.of(
                Samples.cloudTrailEvent(),
                Samples.flowRecord(),
                Samples.transitGatewayFlowRecord(),
                Samples.alert(),
                Samples.deadLetter(),
                Samples.rawRecord(),
                Samples.ownershipTable(),
                Samples.owner(),
                Samples.accountActivity(),
                Samples.activitySummary(),
                Samples.followUp(),
                Samples.dedupEpisode(),
                Samples.alertDelivery(),
                Samples.deliveryFailure(),
                new io.trailwatch.ownership.source.OwnershipPoll(Samples.ownershipTable()),
                AwsRangesFiles.parsed(),
                new io.trailwatch.ownership.source.AwsRangesPoll(AwsRangesFiles.parsed()),
                Samples.signal("e1", 5L),
                Samples.burstState(),
                Samples.burstState().window,
                Samples.burstState().incident,
                Samples.loginBurst(),
                Samples.recentBursts(),
                Samples.portExposures(),
                Samples.portExposures().exposures[0]);
    }

    @ParameterizedTest
    @MethodSource("records")
    void isAPojoSerializedWithoutKryo(Object record) throws Exception {
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) record.getClass();
        TypeInformation<Object> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);

        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<Object> serializer = info.createSerializer(config);

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(record, out);
        Object back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back).usingRecursiveComparison().isEqualTo(record);
    }

    /** Keeps the type list honest: a new model type must be added above. */
    @org.junit.jupiter.api.Test
    void coversTheModelAndStateTypes() {
        assertThat(records())
                .extracting(Object::getClass)
                .contains(
                        CloudTrailEvent.class,
                        FlowRecord.class,
                        Alert.class,
                        DeadLetter.class,
                        RawRecord.class,
                        OwnershipTable.class,
                        AwsRanges.class,
                        Owner.class,
                        AccountActivity.class,
                        ActivitySummary.class,
                        DedupEpisode.class,
                        AlertDelivery.class,
                        DeliveryFailure.class,
                        Signal.class,
                        BurstState.class,
                        BurstWindow.class,
                        Incident.class,
                        LoginBurst.class,
                        RecentBursts.class,
                        PortExposures.class,
                        PortExposure.class);
    }
}
