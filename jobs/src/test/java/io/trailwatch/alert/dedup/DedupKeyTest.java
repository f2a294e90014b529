package io.trailwatch.alert.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import org.junit.jupiter.api.Test;

class DedupKeyTest {
    @Test
    void repeatsShareRuleTeamAndResource() {
        assertThat(DedupKey.of(alert("sg-1", null))).isEqualTo(DedupKey.of(alert("sg-1", null)));
        assertThat(DedupKey.of(alert("sg-1", null))).isNotEqualTo(DedupKey.of(alert("sg-2", null)));
    }

    @Test
    void differentConditionsOfOneRuleAreDifferentFindings() {
        assertThat(DedupKey.of(alert("p", "volume")))
                .isNotEqualTo(DedupKey.of(alert("p", "list-then-read")));
        assertThat(DedupKey.of(alert("p", "volume"))).isEqualTo(DedupKey.of(alert("p", "volume")));
    }

    private static Alert alert(String resource, String reason) {
        Alert a = new Alert();
        a.ruleId = "TW-EXFIL-01";
        a.resource = resource;
        a.owner = new Owner("payments", "prod", "#p", new String[0], "111122223333", null);
        a.evidence =
                new Evidence(
                        1,
                        0,
                        0,
                        new String[0],
                        reason == null
                                ? new EvidenceField[0]
                                : new EvidenceField[] {new EvidenceField("reason", reason)});
        return a;
    }
}
