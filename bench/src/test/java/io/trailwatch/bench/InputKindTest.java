package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputKindTest {
    @Test
    void awsLogsFilesAreTold_byTheServiceFolderOfTheS3KeyLayout() {
        assertThat(
                        InputKind.of(
                                Path.of(
                                        "AWSLogs/o-gen0000001/100000000001/CloudTrail/eu-west-1/2026/10/01/"
                                                + "100000000001_CloudTrail_eu-west-1_20261001T0855Z_a1b2.json.gz")))
                .isEqualTo("AWSLogs/CloudTrail");
        assertThat(
                        InputKind.of(
                                Path.of(
                                        "AWSLogs/100000000001/vpcflowlogs/eu-west-1/2026/10/01/"
                                                + "100000000001_vpcflowlogs_eu-west-1_fl-01_20261001T0900Z_x.log.gz")))
                .isEqualTo("AWSLogs/vpcflowlogs");
        assertThat(InputKind.of(Path.of("AWSLogs/100000000001/elasticloadbalancing/a.log.gz")))
                .isEqualTo("AWSLogs/(other)");
    }

    @Test
    void otherFilesAreTold_byTheirTopLevelFolder() {
        assertThat(InputKind.of(Path.of("eventbridge/2026/10/01/events-1.jsonl")))
                .isEqualTo("eventbridge");
        assertThat(InputKind.of(Path.of("flows.log"))).isEqualTo("(top level)");
    }
}
