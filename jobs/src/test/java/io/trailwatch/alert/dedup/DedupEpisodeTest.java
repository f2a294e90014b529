package io.trailwatch.alert.dedup;

import static io.trailwatch.alert.TestAlerts.payments;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Folding repeats into a follow-up, as plain Java. */
class DedupEpisodeTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void noRepeatsMeansNoFollowUp() {
        Alert first =
                securityGroupOpened(
                        "e-1", "2026-10-14T09:00:00Z", "sg-0a1b2c3d4e5f60001", payments());
        DedupEpisode e = DedupEpisode.open(first, first.eventTime, HOUR);

        assertThat(e.followUp(0)).isNull();
        assertThat(e.covers(first.eventTime + HOUR - 1)).isTrue();
        assertThat(e.covers(first.eventTime + HOUR)).isFalse();
    }

    @Test
    void repeatsFoldIntoOneFollowUpWithTheirCountAndEvidence() {
        Alert first =
                securityGroupOpened(
                        "e-1", "2026-10-14T09:00:00Z", "sg-0a1b2c3d4e5f60001", payments());
        DedupEpisode e = DedupEpisode.open(first, first.eventTime, HOUR);
        e.absorb(
                securityGroupOpened(
                        "e-3", "2026-10-14T09:20:00Z", "sg-0a1b2c3d4e5f60001", payments()));
        e.absorb(
                securityGroupOpened(
                        "e-2", "2026-10-14T09:10:00Z", "sg-0a1b2c3d4e5f60001", payments()));

        Alert f = e.followUp(123L);

        assertThat(f.followUpOf).isEqualTo(first.alertId);
        assertThat(f.suppressedCount).isEqualTo(2);
        assertThat(f.alertId)
                .isEqualTo(AlertIds.followUp("TW-NET-01", first.alertId))
                .isNotEqualTo(first.alertId)
                .matches("tw-[0-9a-f]{32}");
        assertThat(f.eventTime).isEqualTo(Instant.parse("2026-10-14T09:10:00Z").toEpochMilli());
        assertThat(f.detectedAt).isEqualTo(123L);
        assertThat(f.evidence.count).isEqualTo(2);
        assertThat(f.evidence.firstSeen)
                .isEqualTo(Instant.parse("2026-10-14T09:10:00Z").toEpochMilli());
        assertThat(f.evidence.lastSeen)
                .isEqualTo(Instant.parse("2026-10-14T09:20:00Z").toEpochMilli());
        assertThat(f.evidence.eventIds).containsExactly("e-3", "e-2");
        assertThat(f.title).isEqualTo(first.title);
    }

    @Test
    void followUpKeepsAtMostTenEventIds() {
        Alert first =
                securityGroupOpened(
                        "e-0", "2026-10-14T09:00:00Z", "sg-0a1b2c3d4e5f60001", payments());
        DedupEpisode e = DedupEpisode.open(first, first.eventTime, HOUR);
        for (int i = 1; i <= 25; i++) {
            e.absorb(
                    securityGroupOpened(
                            "e-" + i,
                            Instant.parse("2026-10-14T09:00:00Z").plusSeconds(i * 60L).toString(),
                            "sg-0a1b2c3d4e5f60001",
                            payments()));
        }

        Alert f = e.followUp(0);
        assertThat(f.suppressedCount).isEqualTo(25);
        assertThat(f.evidence.count).isEqualTo(25);
        assertThat(f.evidence.eventIds).hasSize(10).startsWith("e-1", "e-2");
    }

    @Test
    void theFirstAlertAgainIsRecognised() {
        Alert first =
                securityGroupOpened(
                        "e-1", "2026-10-14T09:00:00Z", "sg-0a1b2c3d4e5f60001", payments());
        DedupEpisode e = DedupEpisode.open(first, first.eventTime, HOUR);

        assertThat(e.isTheFirstAgain(first.copy())).isTrue();
        assertThat(
                        e.isTheFirstAgain(
                                securityGroupOpened(
                                        "e-2",
                                        "2026-10-14T09:00:00Z",
                                        "sg-0a1b2c3d4e5f60001",
                                        payments())))
                .isFalse();
    }

    @Test
    void keyNamesRuleTeamAndResourceOrElsePrincipal() {
        Alert a =
                securityGroupOpened(
                        "e-1", "2026-10-14T09:00:00Z", "sg-0a1b2c3d4e5f60001", payments());
        Alert other =
                securityGroupOpened(
                        "e-2", "2026-10-14T09:05:00Z", "sg-0a1b2c3d4e5f60001", payments());
        Alert otherGroup =
                securityGroupOpened(
                        "e-3", "2026-10-14T09:05:00Z", "sg-0a1b2c3d4e5f60002", payments());
        Alert noResource = a.copy();
        noResource.resource = null;

        assertThat(DedupKey.of(a))
                .isEqualTo(DedupKey.of(other))
                .isNotEqualTo(DedupKey.of(otherGroup));
        assertThat(DedupKey.of(noResource))
                .contains(a.principal)
                .contains("payments")
                .startsWith("TW-NET-01");
    }
}
