package io.trailwatch.ownership.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.AwsRanges;
import io.trailwatch.ownership.AwsRangesFiles;
import io.trailwatch.testing.TestClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ranges source on a MiniCluster: a new version of the file arrives; a broken one does not. */
class AwsRangesSourceTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(2);

    @TempDir Path dir;

    @Test
    void publishesTheRangesAtStartThenEachNewValidVersion() throws Exception {
        Path file = dir.resolve("ip-ranges.json");
        Files.writeString(file, AwsRangesFiles.text());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        List<String> versions = new ArrayList<>();
        try (CloseableIterator<AwsRanges> ranges =
                AwsRangesSource.create(
                                env, file.toString(), "eu-west-1", null, Duration.ofMillis(200))
                        .executeAndCollect("AWS ranges reload test")) {
            versions.add(describe(ranges.next()));
            Files.writeString(file, "{\"syncToken\":\"1792050784\",\"createDate\":");
            Thread.sleep(1000);
            Files.writeString(
                    file, AwsRangesFiles.single("1792050784", "34.240.0.0/13", "eu-west-1", "EC2"));
            versions.add(describe(ranges.next()));
        }

        assertThat(versions).containsExactly("1791964384 9", "1792050784 1");
    }

    private static String describe(AwsRanges r) {
        return r.syncToken + " " + r.prefixes.length;
    }
}
