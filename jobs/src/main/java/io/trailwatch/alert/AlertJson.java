package io.trailwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import java.time.Instant;

/** The JSON form of an alert ({@code schemas/alert.schema.json}). */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static String toJson(Alert alert) {
        try {
            return MAPPER.writeValueAsString(toTree(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render alert " + alert.alertId, e);
        }
    }

    public static ObjectNode toTree(Alert a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("alertId", a.alertId);
        n.put("ruleId", a.ruleId);
        n.put("title", a.title);
        n.put("severity", a.severity.name());
        n.put("eventTime", iso(a.eventTime));
        n.put("detectedAt", iso(a.detectedAt));
        n.put("account", a.account);
        n.put("region", a.region);
        n.put("principal", a.principal);
        n.put("resource", a.resource);
        n.set("owner", owner(a.owner));
        n.put("responsibility", a.responsibility.id());
        ArrayNode controls = n.putArray("controls");
        for (String c : a.controls) {
            controls.add(c);
        }
        n.set("evidence", evidence(a.evidence));
        n.put("remediation", a.remediation);
        if (a.followUpOf != null) {
            n.put("followUpOf", a.followUpOf);
            n.put("suppressedCount", a.suppressedCount);
        }
        return n;
    }

    private static ObjectNode owner(Owner o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("team", o.team);
        n.put("environment", o.environment);
        n.put("contact", o.contact);
        if (o.matchedBy != null) {
            n.put("matchedBy", o.matchedBy);
        }
        if (o.attributes != null && o.attributes.length > 0) {
            ObjectNode attributes = n.putObject("attributes");
            for (OwnerAttribute attribute : o.attributes) {
                attributes.put(attribute.name, attribute.value);
            }
        }
        return n;
    }

    private static ObjectNode evidence(Evidence e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("count", e.count);
        n.put("firstSeen", iso(e.firstSeen));
        n.put("lastSeen", iso(e.lastSeen));
        ArrayNode ids = n.putArray("eventIds");
        for (String id : e.eventIds) {
            ids.add(id);
        }
        ObjectNode fields = n.putObject("fields");
        if (e.fields != null) {
            for (EvidenceField f : e.fields) {
                fields.put(f.name, f.value);
            }
        }
        return n;
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
