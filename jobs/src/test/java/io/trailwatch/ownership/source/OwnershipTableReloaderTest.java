package io.trailwatch.ownership.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed table is published once; a broken or missing one is rejected, the last good stays. */
class OwnershipTableReloaderTest {
    @TempDir Path dir;

    @Test
    void publishesNewVersionsOnlyAndRejectsBrokenOnes() throws Exception {
        Path file = dir.resolve("ownership.csv");
        write(file, "match,team\n111122223333,payments\n", 1);
        OwnershipTableReloader reloader = new OwnershipTableReloader(new FileTableLocation(file));

        OwnershipTable first = reloader.poll();
        assertThat(first).isNotNull();
        assertThat(first.rows).extracting(r -> r.team).containsExactly("payments");
        assertThat(reloader.poll()).as("unchanged").isNull();

        write(file, "match,team\n111122223333,payments\nnot-an-account,x\n", 2);
        assertThat(reloader.poll()).as("broken").isNull();
        assertThat(reloader.rejected()).isEqualTo(1);
        assertThat(reloader.poll()).as("still the same broken version").isNull();

        Files.delete(file);
        assertThat(reloader.poll()).as("missing").isNull();
        assertThat(reloader.rejected()).isEqualTo(2);

        write(file, "match,team\n111122223333,payments\n444455556666,search\n", 3);
        OwnershipTable fixed = reloader.poll();
        assertThat(fixed).isNotNull();
        assertThat(fixed.rows).extracting(r -> r.team).containsExactly("payments", "search");
        assertThat(fixed.version).isNotEqualTo(first.version);

        // Rewritten with the same content: a new file time, but not a new version.
        write(file, "match,team\n111122223333,payments\n444455556666,search\n", 4);
        assertThat(reloader.poll()).isNull();
        assertThat(reloader.published()).isEqualTo(2);
    }

    @Test
    void rejectsAVersionThatIsNotUtf8OrTrustsTooBroadlyAndKeepsTheLastGood() throws Exception {
        Path file = dir.resolve("ownership.csv");
        write(file, "match,team,trusted_cidrs\n111122223333,payments,10.16.0.0/12\n", 1);
        OwnershipTableReloader strict =
                new OwnershipTableReloader(
                        new FileTableLocation(file), TrustedCidrLimit.parse("/16,/48"));
        assertThat(strict.poll()).as("a /12 where /16 is the broadest allowed").isNull();
        assertThat(strict.rejected()).isEqualTo(1);

        write(file, "match,team\n111122223333,payments\n", 2);
        OwnershipTableReloader reloader = new OwnershipTableReloader(new FileTableLocation(file));
        assertThat(reloader.poll()).isNotNull();
        // "équipe" saved as Latin-1: replacing the byte would publish a team that does not exist.
        byte[] latin1 =
                "match,team\n111122223333,\u00e9quipe\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-10-01T00:00:09Z")));
        assertThat(reloader.poll()).as("not UTF-8").isNull();
        assertThat(reloader.rejected()).isEqualTo(1);
    }

    private static void write(Path file, String csv, int second) throws Exception {
        Files.writeString(file, csv);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-10-01T00:00:00Z").plusSeconds(second)));
    }
}
