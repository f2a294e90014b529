package io.trailwatch.ownership.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.TrustedCidrLimit;
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

/** The reload source on a MiniCluster: edits of the table file arrive as new versions. */
class OwnershipTableSourceTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(2);

    @TempDir Path dir;

    @Test
    void publishesTheTableAtStartThenEachValidChange() throws Exception {
        Path file = dir.resolve("ownership.csv");
        Files.writeString(file, "match,team\n111122223333,payments\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        List<String> teams = new ArrayList<>();
        try (CloseableIterator<OwnershipTable> tables =
                OwnershipTableSource.create(
                                env,
                                file.toString(),
                                "eu-west-1",
                                null,
                                Duration.ofMillis(200),
                                TrustedCidrLimit.DEFAULT)
                        .executeAndCollect("table reload test")) {
            teams.add(teamsOf(tables.next()));
            Files.writeString(file, "match,team\n111122223333,payments\nbroken,\n");
            Thread.sleep(1000);
            Files.writeString(file, "match,team\n111122223333,payments\n444455556666,search\n");
            teams.add(teamsOf(tables.next()));
        }

        assertThat(teams).containsExactly("payments", "payments search");
    }

    private static String teamsOf(OwnershipTable t) {
        List<String> teams = new ArrayList<>();
        for (var row : t.rows) {
            teams.add(row.team);
        }
        return String.join(" ", teams);
    }
}
