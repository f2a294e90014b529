package io.trailwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.trailwatch.generate.LogGenerator;
import io.trailwatch.model.Alert;
import io.trailwatch.pipeline.ReplayRun;
import io.trailwatch.testing.TestClusters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every alert the pipeline produces validates against schemas/alert.schema.json. */
class AlertSchemaTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(2);

    @TempDir Path dir;

    static JsonSchema schema() throws Exception {
        Path file = Path.of("..", "schemas", "alert.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void pipelineAlertsValidate() throws Exception {
        Path gen = dir.resolve("gen");
        new LogGenerator(gen, 30_000, 9).generate();
        ReplayRun run =
                ReplayRun.of(List.of(gen.resolve("logs")), gen.resolve("ownership.csv"), 2, dir);
        JsonSchema schema = schema();

        assertThat(run.alerts).isNotEmpty();
        for (JsonNode alert : run.alerts) {
            Set<ValidationMessage> errors = schema.validate(alert);
            assertThat(errors).as(alert.toString()).isEmpty();
        }
    }

    @Test
    void followUpsAndTrimmedEvidenceValidateAndAFollowUpNeedsItsCount() throws Exception {
        Alert first =
                TestAlerts.securityGroupOpened(
                        "e-1",
                        "2026-10-14T09:00:00Z",
                        "sg-0a1b2c3d4e5f60001",
                        TestAlerts.payments());
        Alert followUp = first.copy();
        followUp.alertId = AlertIds.followUp(first.ruleId, first.alertId);
        followUp.followUpOf = first.alertId;
        followUp.suppressedCount = 3;
        JsonSchema schema = schema();
        ObjectMapper json = new ObjectMapper();

        assertThat(schema.validate(json.readTree(AlertJson.toJson(followUp)))).isEmpty();
        ObjectNode trimmed = AlertJson.toTree(first);
        ((ObjectNode) trimmed.get("evidence")).put("trimmed", true);
        assertThat(schema.validate(trimmed)).isEmpty();

        ObjectNode countless = AlertJson.toTree(followUp);
        countless.remove("suppressedCount");
        assertThat(schema.validate(countless))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("suppressedCount"));
    }

    @Test
    void schemaRejectsAnAlertWithoutOwner() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode alert =
                json.readTree(
                        "{\"alertId\":\"tw-0123456789abcdef0123456789abcdef\",\"ruleId\":\"TW-OWN-01\",\"title\":\"t\","
                                + "\"severity\":\"MEDIUM\",\"eventTime\":\"2026-10-14T09:10:00Z\",\"detectedAt\":\"2026-10-14T09:10:00Z\","
                                + "\"account\":\"210987654321\",\"region\":null,\"principal\":null,\"resource\":null,"
                                + "\"responsibility\":\"governance\",\"controls\":[],\"evidence\":{\"count\":1,"
                                + "\"firstSeen\":\"2026-10-14T09:10:00Z\",\"lastSeen\":\"2026-10-14T09:10:00Z\",\"eventIds\":[],"
                                + "\"fields\":{}},\"remediation\":\"r\"}");

        assertThat(schema().validate(alert))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("owner"));
    }
}
