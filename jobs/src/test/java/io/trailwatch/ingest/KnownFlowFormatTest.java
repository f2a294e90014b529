package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnownFlowFormatTest {
    @Test
    void eachHasAFieldCountOfItsOwnSoThatTheCountRecognisesIt() {
        assertThat(KnownFlowFormat.values())
                .extracting(k -> k.label + " " + k.format.fieldCount() + " v" + k.version)
                .containsExactly(
                        "default v2 14 v2",
                        "transit gateway default 36 v6",
                        "all v5 fields 29 v5",
                        "all v7 (ECS) fields 39 v7");
        assertThat(Arrays.stream(KnownFlowFormat.values()).map(k -> k.format.fieldCount()))
                .doesNotHaveDuplicates();
    }

    @Test
    void everyFieldOfEachIsOneTrailwatchKnowsAndNoneIsNamedTwice() {
        for (KnownFlowFormat known : KnownFlowFormat.values()) {
            assertThat(known.format.unknownFields()).as(known.label).isEmpty();
            assertThat(known.format.repeatedField()).as(known.label).isNull();
        }
    }
}
