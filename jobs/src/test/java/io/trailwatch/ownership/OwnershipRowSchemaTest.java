package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.trailwatch.alert.Schemas;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import org.junit.jupiter.api.Test;

/**
 * schemas/ownership-row.schema.json describes the rows the parser accepts (README, "Ownership
 * table"), and rejects what the parser would refuse.
 */
class OwnershipRowSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = Schemas.load("ownership-row.schema.json");

    static final String TABLE =
            "match,team,environment,contact,trusted_cidrs,cost_center\n"
                    + "111122223333,payments,prod,#payments-alerts,203.0.113.10/32 198.51.100.0/24,CC-1001\n"
                    + "444455556666,data,staging,data-oncall@example.com,,CC-2002\n"
                    + "sg-0a1b2c3d4e5f60001,payments,prod,arn:aws:sns:eu-west-1:111122223333:payments-alerts,,\n"
                    + "arn:aws:iam::111122223333:role/deploy-*,platform,prod,#platform #secops,,\n"
                    + "s3://acme-payments-exports,payments,prod,#payments-alerts,,\n"
                    + "10.40.0.0/16,network,prod,#netops,,\n"
                    + "2001:db8::/32,network,prod,#netops,,\n"
                    + "1234abcd-12ab-34cd-56ef-1234567890ab,security,prod,#secops,,\n"
                    + "777788889999,sandbox,,,,\n";

    /** A parsed row as JSON keyed by the CSV header, empty cells left out. */
    static ObjectNode toJson(OwnershipRow row) {
        ObjectNode n = JSON.createObjectNode();
        n.put("match", row.match);
        n.put("team", row.team);
        if (row.environment != null) {
            n.put("environment", row.environment);
        }
        if (row.contact != null) {
            n.put("contact", row.contact);
        }
        if (row.trustedCidrs.length > 0) {
            n.put("trusted_cidrs", String.join(" ", row.trustedCidrs));
        }
        for (OwnerAttribute a : row.attributes) {
            n.put(a.name, a.value);
        }
        return n;
    }

    @Test
    void everyRowThatTheParserAcceptsValidates() throws Exception {
        OwnershipTable table = OwnershipTableParser.parse(TABLE, "owners.csv");

        assertThat(table.rows).hasSize(9);
        for (OwnershipRow row : table.rows) {
            ObjectNode json = toJson(row);
            assertThat(SCHEMA.validate(json)).as(json.toString()).isEmpty();
        }
    }

    @Test
    void rejectsRowsThatOwnNothingOrNameNoWayToReachTheOwner() throws Exception {
        assertThat(errors("{\"match\":\"not-a-match\",\"team\":\"x\"}")).isNotEmpty();
        assertThat(errors("{\"match\":\"111122223333\"}"))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("team"));
        assertThat(
                        errors(
                                "{\"match\":\"111122223333\",\"team\":\"x\",\"contact\":\"payments team\"}"))
                .isNotEmpty();
        assertThat(errors("{\"match\":\"111122223333\",\"team\":\"x\",\"cost_center\":7}"))
                .isNotEmpty();
    }

    @Test
    void boundsValuesAsTheParserDoes() throws Exception {
        ObjectNode longest = JSON.createObjectNode();
        longest.put("match", "arn:aws:iam::111122223333:role/" + "x".repeat(2048 - 31));
        longest.put("team", "t".repeat(128));
        longest.put("cost_center", "c".repeat(1024));
        longest.put("allow_broad_trust", "Yes");
        assertThat(SCHEMA.validate(longest)).isEmpty();

        ObjectNode arn = longest.deepCopy();
        arn.put("match", longest.get("match").asText() + "x");
        ObjectNode team = longest.deepCopy();
        team.put("team", "t".repeat(129));
        ObjectNode attribute = longest.deepCopy();
        attribute.put("cost_center", "c".repeat(1025));
        ObjectNode ranges = longest.deepCopy();
        ranges.put("trusted_cidrs", "203.0.113.1/32 ".repeat(101).trim());
        ObjectNode allow = longest.deepCopy();
        allow.put("allow_broad_trust", "maybe");
        for (ObjectNode row : new ObjectNode[] {arn, team, attribute, ranges, allow}) {
            assertThat(SCHEMA.validate(row)).as(row.toString()).isNotEmpty();
        }
    }

    private static java.util.Set<ValidationMessage> errors(String json) throws Exception {
        return SCHEMA.validate(JSON.readTree(json));
    }
}
