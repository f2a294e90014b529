package io.trailwatch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.ResourceRef;
import io.trailwatch.model.UserIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one CloudTrail record from a streaming parser over a byte array. The per-API
 * documents ({@code requestParameters} …) are copied out as their original JSON text, not rebuilt.
 *
 * <p>A field of the wrong type does not desynchronise the parser: the problem is remembered, the
 * value skipped, and {@link #finish()} reports it, so one bad record never costs the records after
 * it.
 */
final class CloudTrailRecordReader {
    private final byte[] source;
    private final EventTimeRange times;
    private CloudTrailEvent event;
    private String problem;
    private String problemReason;

    /** The record fields read so far, one bit each: a field that comes twice is refused. */
    private long seenFields;

    private String eventTimeText;
    private boolean sawCloudTrailField;
    private boolean insightDetails;

    CloudTrailRecordReader(byte[] source, EventTimeRange times) {
        this.source = source;
        this.times = times;
        reset();
    }

    void reset() {
        event = new CloudTrailEvent();
        problem = null;
        problemReason = null;
        seenFields = 0;
        eventTimeText = null;
        sawCloudTrailField = false;
        insightDetails = false;
    }

    /** Reads a whole record object; the parser stands on its START_OBJECT. */
    void readObject(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!accept(name, p)) {
                p.skipChildren();
            }
        }
    }

    /**
     * Consumes the value of one field if it is a CloudTrail record field; the parser stands on the
     * value's first token. Returns {@code false}, consuming nothing, for other names.
     */
    boolean accept(String name, JsonParser p) throws IOException {
        switch (name) {
            case "eventVersion":
                once(0, name);
                event.eventVersion = text(name, p);
                break;
            case "eventTime":
                once(1, name);
                eventTimeText = text(name, p);
                break;
            case "eventSource":
                once(2, name);
                event.eventSource = text(name, p);
                break;
            case "eventName":
                once(3, name);
                event.eventName = text(name, p);
                break;
            case "eventType":
                once(4, name);
                event.eventType = text(name, p);
                break;
            case "eventCategory":
                once(5, name);
                event.eventCategory = text(name, p);
                break;
            case "awsRegion":
                once(6, name);
                event.awsRegion = text(name, p);
                break;
            case "sourceIPAddress":
                once(7, name);
                event.sourceIpAddress = text(name, p);
                break;
            case "userAgent":
                once(8, name);
                event.userAgent = text(name, p);
                break;
            case "errorCode":
                once(9, name);
                event.errorCode = text(name, p);
                break;
            case "errorMessage":
                once(10, name);
                event.errorMessage = text(name, p);
                break;
            case "requestID":
                once(11, name);
                event.requestId = text(name, p);
                break;
            case "eventID":
                once(12, name);
                event.eventId = text(name, p);
                break;
            case "sharedEventID":
                once(13, name);
                event.sharedEventId = text(name, p);
                break;
            case "vpcEndpointId":
                once(14, name);
                event.vpcEndpointId = text(name, p);
                break;
            case "recipientAccountId":
                once(15, name);
                event.recipientAccountId = text(name, p);
                break;
            case "readOnly":
                once(16, name);
                event.readOnly = bool(name, p);
                break;
            case "managementEvent":
                once(17, name);
                event.managementEvent = bool(name, p);
                break;
            case "userIdentity":
                once(18, name);
                event.userIdentity = userIdentity(p);
                break;
            case "resources":
                once(19, name);
                event.resources = resources(p);
                break;
            case "requestParameters":
                once(20, name);
                event.requestParameters = rawJson(p);
                break;
            case "responseElements":
                once(21, name);
                event.responseElements = rawJson(p);
                break;
            case "additionalEventData":
                once(22, name);
                event.additionalEventData = rawJson(p);
                break;
            case "serviceEventDetails":
                once(23, name);
                event.serviceEventDetails = rawJson(p);
                break;
            case "insightDetails":
                once(24, name);
                insightDetails = true;
                p.skipChildren();
                break;
            default:
                return false;
        }
        sawCloudTrailField = true;
        return true;
    }

    /**
     * Whether any CloudTrail field was seen: an object with none is not a CloudTrail record at all.
     */
    boolean sawCloudTrailField() {
        return sawCloudTrailField;
    }

    /**
     * Whether the record is a CloudTrail Insights event: it describes unusual API activity that
     * CloudTrail measured, not a call anybody made, and carries no eventName or eventSource of its
     * own (they are inside {@code insightDetails}). Such records are counted, not analysed.
     */
    boolean isInsightsEvent() {
        return insightDetails
                || "AwsCloudTrailInsight".equals(event.eventType)
                || "Insight".equals(event.eventCategory);
    }

    /**
     * The record, or a {@link DecodeException} naming the first problem found. Required are only
     * the fields every event version since 1.0 carries and every rule needs: eventTime, eventSource
     * and eventName. A record without eventID (versions before 1.01) gets one derived from its
     * content.
     */
    CloudTrailEvent finish() throws DecodeException {
        if (problem != null) {
            throw new DecodeException(
                    problemReason != null ? problemReason : "invalid-cloudtrail-record", problem);
        }
        List<String> missing = new ArrayList<>(3);
        if (eventTimeText == null) {
            missing.add("eventTime");
        }
        if (event.eventName == null) {
            missing.add("eventName");
        }
        if (event.eventSource == null) {
            missing.add("eventSource");
        }
        if (!missing.isEmpty()) {
            throw new DecodeException(
                    "invalid-cloudtrail-record",
                    "missing required field(s): " + String.join(", ", missing));
        }
        try {
            event.eventTime = EventTimeParser.epochMillis(eventTimeText);
        } catch (DateTimeParseException e) {
            throw new DecodeException(
                    "invalid-cloudtrail-record",
                    "eventTime is not an ISO-8601 instant: " + Excerpt.of(eventTimeText));
        }
        if (!times.contains(event.eventTime)) {
            throw new DecodeException(
                    "event-time-out-of-range",
                    times.explain("eventTime " + Excerpt.of(eventTimeText)));
        }
        if (event.eventId == null) {
            event.eventId = DerivedEventId.of(event, eventTimeText);
        }
        return event;
    }

    private String text(String name, JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        wrongType(name, "a string", t);
        p.skipChildren();
        return null;
    }

    private Boolean bool(String name, JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.valueOf(s);
            }
        }
        wrongType(name, "a boolean", t);
        p.skipChildren();
        return null;
    }

    private UserIdentity userIdentity(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            wrongType("userIdentity", "an object", p.currentToken());
            p.skipChildren();
            return null;
        }
        UserIdentity id = new UserIdentity();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type":
                    id.type = text("userIdentity.type", p);
                    break;
                case "principalId":
                    id.principalId = text("userIdentity.principalId", p);
                    break;
                case "arn":
                    id.arn = text("userIdentity.arn", p);
                    break;
                case "accountId":
                    id.accountId = text("userIdentity.accountId", p);
                    break;
                case "accessKeyId":
                    id.accessKeyId = text("userIdentity.accessKeyId", p);
                    break;
                case "userName":
                    id.userName = text("userIdentity.userName", p);
                    break;
                case "invokedBy":
                    id.invokedBy = text("userIdentity.invokedBy", p);
                    break;
                case "sessionContext":
                    sessionContext(p, id);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return id;
    }

    private void sessionContext(JsonParser p, UserIdentity id) throws IOException {
        if (!expectObject("userIdentity.sessionContext", p)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "sessionIssuer":
                    sessionIssuer(p, id);
                    break;
                case "attributes":
                    sessionAttributes(p, id);
                    break;
                case "ec2RoleDelivery":
                    id.ec2RoleDelivery = text("sessionContext.ec2RoleDelivery", p);
                    break;
                case "sourceIdentity":
                    id.sourceIdentity = text("sessionContext.sourceIdentity", p);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void sessionIssuer(JsonParser p, UserIdentity id) throws IOException {
        if (!expectObject("sessionContext.sessionIssuer", p)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type":
                    id.sessionIssuerType = text("sessionIssuer.type", p);
                    break;
                case "arn":
                    id.sessionIssuerArn = text("sessionIssuer.arn", p);
                    break;
                case "userName":
                    id.sessionIssuerUserName = text("sessionIssuer.userName", p);
                    break;
                case "accountId":
                    id.sessionIssuerAccountId = text("sessionIssuer.accountId", p);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void sessionAttributes(JsonParser p, UserIdentity id) throws IOException {
        if (!expectObject("sessionContext.attributes", p)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "mfaAuthenticated":
                    id.mfaAuthenticated = bool("attributes.mfaAuthenticated", p);
                    break;
                case "creationDate":
                    id.sessionCreationDate = text("attributes.creationDate", p);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private ResourceRef[] resources(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            wrongType("resources", "an array", p.currentToken());
            p.skipChildren();
            return null;
        }
        List<ResourceRef> refs = new ArrayList<>(4);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                wrongType("resources[]", "an object", p.currentToken());
                p.skipChildren();
                continue;
            }
            ResourceRef ref = new ResourceRef();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "ARN":
                        ref.arn = text("resources[].ARN", p);
                        break;
                    case "accountId":
                        ref.accountId = text("resources[].accountId", p);
                        break;
                    case "type":
                        ref.type = text("resources[].type", p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            refs.add(ref);
        }
        return refs.toArray(new ResourceRef[0]);
    }

    /**
     * The value's original JSON text: objects and arrays copied byte for byte, scalars re-encoded.
     */
    private String rawJson(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NULL:
                return null;
            case START_OBJECT:
            case START_ARRAY:
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                int end = (int) p.currentTokenLocation().getByteOffset() + 1;
                return new String(source, start, end - start, StandardCharsets.UTF_8);
            case VALUE_STRING:
                return '"'
                        + new String(JsonStringEncoder.getInstance().quoteAsString(p.getText()))
                        + '"';
            default:
                return p.getText();
        }
    }

    private boolean expectObject(String name, JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            wrongType(name, "an object", t);
            p.skipChildren();
        }
        return false;
    }

    /**
     * Notes that the field with this bit was read. JSON leaves a key that comes twice to the reader
     * (the last one wins with most parsers, the first with some), so a record with two eventNames
     * could be read one way by whoever wrote it and another way here: such a record is refused.
     * Only the fields read here are checked; a parser-wide check of every object, nested ones
     * included, cost about a tenth of the decoding speed.
     */
    private void once(int bit, String name) {
        long mask = 1L << bit;
        if ((seenFields & mask) != 0 && problem == null) {
            problem = "key '" + name + "' appears twice in the record";
            problemReason = "duplicate-key";
        }
        seenFields |= mask;
    }

    private void wrongType(String name, String expected, JsonToken actual) {
        if (problem == null) {
            problem = name + " must be " + expected + ", got " + describe(actual);
        }
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return String.valueOf(t);
        }
    }
}
