package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.trailwatch.model.CloudTrailEvent;
import java.io.IOException;

/**
 * A CloudTrail event as rules read it: the typed fields, plus the per-API JSON documents parsed
 * once, on first use, and shared by every rule that looks at the event.
 */
public final class EventView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTrailEvent event;
    private JsonNode request;
    private JsonNode response;
    private JsonNode additional;
    private String resource;
    private boolean resourceKnown;

    public EventView(CloudTrailEvent event) {
        this.event = event;
    }

    public CloudTrailEvent event() {
        return event;
    }

    public String name() {
        return event.eventName;
    }

    public String source() {
        return event.eventSource;
    }

    /**
     * The resource the call acts on, as {@link ResourceNames} names it; found once, for every rule
     * and correlation that reports it.
     */
    public String resource() {
        if (!resourceKnown) {
            resource = ResourceNames.of(this);
            resourceKnown = true;
        }
        return resource;
    }

    /** {@code requestParameters}, or a missing node. */
    public JsonNode request() {
        if (request == null) {
            request = parse(event.requestParameters);
        }
        return request;
    }

    /** {@code responseElements}, or a missing node. */
    public JsonNode response() {
        if (response == null) {
            response = parse(event.responseElements);
        }
        return response;
    }

    /** {@code additionalEventData}, or a missing node. */
    public JsonNode additional() {
        if (additional == null) {
            additional = parse(event.additionalEventData);
        }
        return additional;
    }

    /**
     * The first of the named request parameters that is present, as text; {@code null} if none is.
     */
    public String requestText(String... names) {
        for (String name : names) {
            JsonNode n = request().path(name);
            if (n.isValueNode() && !n.isNull()) {
                return n.asText();
            }
        }
        return null;
    }

    /**
     * Parses JSON text that a field carries as a string (e.g. an SNS {@code attributeValue}
     * policy).
     */
    public static JsonNode parse(String json) {
        if (json == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A node that is itself JSON text (policies often are) parsed; other nodes as they are. */
    public static JsonNode document(JsonNode node) {
        return node.isTextual() ? parse(node.asText()) : node;
    }
}
