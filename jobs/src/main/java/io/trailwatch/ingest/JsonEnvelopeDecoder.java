package io.trailwatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.trailwatch.model.CloudTrailEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Recognises and decodes the JSON shapes CloudTrail arrives in, from content alone: a CloudTrail
 * log file ({@code {"Records":[…]}}), one CloudTrail record, an EventBridge envelope ({@code
 * detail-type} "… via CloudTrail", record under {@code detail}) and a CloudWatch Logs subscription
 * payload ({@code messageType}, {@code logEvents}). A payload may hold several such values one
 * after another (JSON lines, or concatenated JSON as Firehose writes it).
 */
final class JsonEnvelopeDecoder {
    private final JsonFactory factory;
    private final FlowLineDecoder cloudWatchFlowLines;
    private final EventTimeRange times;

    private static final byte[] RECORDS_START = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);

    /**
     * Keys every CloudTrail digest file has (the hourly file that lists the log files delivered and
     * their hashes, for log file integrity validation): it holds no events.
     */
    private static final List<String> DIGEST_KEYS =
            List.of("digestStartTime", "digestEndTime", "digestS3Object", "logFiles");

    /** The index of the first element of the {@code Records} array being read, for origins. */
    private int recordsIndexBase;

    /**
     * Records decoded so far from the {@code Records} array being read: counted here, not returned,
     * so that a failure part way through the array can still say how many came before it.
     */
    private int decodedInArray;

    JsonEnvelopeDecoder(
            FlowLineDecoder cloudWatchFlowLines, DecodeLimits limits, EventTimeRange times) {
        this.cloudWatchFlowLines = cloudWatchFlowLines;
        this.times = times;
        this.factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxDocumentLength(limits.maxDocumentBytes)
                                        .maxNestingDepth(limits.maxJsonDepth)
                                        .maxNumberLength(limits.maxJsonNumberLength)
                                        .maxNameLength(limits.maxJsonNameLength)
                                        .maxStringLength(
                                                (int)
                                                        Math.min(
                                                                Integer.MAX_VALUE,
                                                                limits.maxDocumentBytes))
                                        .build())
                        .build();
    }

    /** Decodes every JSON value in the payload; returns how many CloudTrail records it yielded. */
    int decode(byte[] json, String origin, DecodedBatch out) {
        return decode(json, origin, out, null, null);
    }

    /**
     * Decodes the part of a document that was read before damage ({@code damageReason}: the input
     * ended early or could not be read further): every complete record in it, then one dead letter
     * for the damage, which names how many records before it were decoded.
     */
    int decodeBeforeDamage(
            byte[] json, String origin, DecodedBatch out, String damageReason, String damage) {
        return decode(json, origin, out, damageReason, damage);
    }

    private int decode(
            byte[] json, String origin, DecodedBatch out, String damageReason, String damage) {
        int decoded = 0;
        // JSON values read; -1 once reading failed (and a dead letter said so)
        int values = 0;
        JsonParser p = null;
        try {
            p = factory.createParser(json);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                values++;
                String valueOrigin = values == 1 ? origin : origin + " (JSON value " + values + ")";
                if (t != JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    out.addDeadLetter(
                            "unrecognized-json",
                            "expected a JSON object, got " + t.asString(),
                            valueOrigin,
                            Excerpt.of(json, start, json.length - start));
                    continue;
                }
                decoded += decodeObject(p, json, valueOrigin, out);
            }
        } catch (RecordsResume r) {
            decoded += takeDecodedInArray();
            decoded += resumeRecords(json, r, origin, out, damageReason, damage);
            return decoded;
        } catch (JsonProcessingException e) {
            values = -1;
            decoded += takeDecodedInArray();
            if (damageReason != null && e instanceof JsonEOFException) {
                // the document ends where the input was damaged: one dead letter says so
                out.addDeadLetter(
                        damageReason,
                        damage + decodedBefore(decoded),
                        origin,
                        Excerpt.of(json, Math.max(0, json.length - 512), 512));
                return decoded;
            }
            out.addDeadLetter(
                    JsonLimit.reason(e),
                    JsonLimit.describe(e, p) + decodedBefore(decoded),
                    origin,
                    Excerpt.of(json));
        } catch (IOException e) {
            values = -1;
            decoded += takeDecodedInArray();
            out.addDeadLetter(
                    "invalid-json",
                    "cannot read JSON: " + e.getMessage(),
                    origin,
                    Excerpt.of(json));
        } finally {
            close(p);
        }
        if (damageReason != null) {
            out.addDeadLetter(damageReason, damage + decodedBefore(decoded), origin, "");
        } else if (values == 0 && ContentSniffer.firstSignificantByte(json, 0) >= 0) {
            // The parser guesses UTF-16 or UTF-32 from zero bytes among the first four, and can
            // then read text that is not blank as whitespace alone: such input is no JSON at all.
            out.addDeadLetter(
                    "invalid-json",
                    "holds no JSON value that can be read",
                    origin,
                    Excerpt.of(json));
        }
        return decoded;
    }

    /**
     * Goes on after a {@code Records} element that broke a parser limit: the records after it are
     * decoded from a document of their own, {@code {"Records":[} followed by the rest of the input.
     */
    private int resumeRecords(
            byte[] json,
            RecordsResume r,
            String origin,
            DecodedBatch out,
            String damageReason,
            String damage) {
        int next = JsonValueEnd.skipWhitespace(json, r.elementEnd);
        if (next < json.length && json[next] == ',') {
            next = JsonValueEnd.skipWhitespace(json, next + 1);
        }
        byte[] rest = new byte[RECORDS_START.length + json.length - next];
        System.arraycopy(RECORDS_START, 0, rest, 0, RECORDS_START.length);
        System.arraycopy(json, next, rest, RECORDS_START.length, json.length - next);
        int base = recordsIndexBase;
        recordsIndexBase = r.nextIndex;
        try {
            return decode(rest, origin, out, damageReason, damage);
        } finally {
            recordsIndexBase = base;
        }
    }

    private int takeDecodedInArray() {
        int n = decodedInArray;
        decodedInArray = 0;
        return n;
    }

    private static String decodedBefore(int decoded) {
        return decoded > 0 ? " (" + decoded + " records before it were decoded)" : "";
    }

    private static void close(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                // a parser over a byte array holds nothing to release
            }
        }
    }

    /** Decodes one top-level object; returns how many CloudTrail records it yielded. */
    private int decodeObject(JsonParser p, byte[] json, String origin, DecodedBatch out)
            throws IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        CloudTrailRecordReader record = new CloudTrailRecordReader(json, times);
        Envelope envelope = new Envelope();
        int records = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "Records":
                    if (value == JsonToken.START_ARRAY) {
                        envelope.isLogFile = true;
                        records += readRecordsArray(p, json, origin, out);
                    } else {
                        envelope.keys.add(name);
                        p.skipChildren();
                    }
                    break;
                case "detail":
                    envelope.hasDetail = true;
                    if (value == JsonToken.START_OBJECT) {
                        int detailStart = (int) p.currentTokenLocation().getByteOffset();
                        CloudTrailRecordReader detail = new CloudTrailRecordReader(json, times);
                        detail.readObject(p);
                        envelope.detail = detail;
                        envelope.detailExcerptStart = detailStart;
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "detail-type":
                    envelope.detailType = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                    break;
                case "messageType":
                    envelope.messageType = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                    break;
                case "logEvents":
                    envelope.logEvents = readLogEvents(p);
                    break;
                default:
                    envelope.keys.add(name);
                    if (!record.accept(name, p)) {
                        p.skipChildren();
                    }
            }
        }
        int end = (int) p.currentTokenLocation().getByteOffset() + 1;
        // Excerpts are only rendered for dead letters: the success path must not pay for them.
        Supplier<String> excerpt = () -> Excerpt.of(json, start, end - start);

        if (envelope.isLogFile) {
            return records;
        }
        if (envelope.hasDetail || envelope.detailType != null) {
            return eventBridge(envelope, json, origin, excerpt, out);
        }
        if (envelope.messageType != null || envelope.logEvents != null) {
            return cloudWatchLogs(envelope, origin, excerpt, out);
        }
        if (record.sawCloudTrailField()) {
            return emit(record, origin, excerpt, out);
        }
        if (envelope.keys.containsAll(DIGEST_KEYS)) {
            out.addSkipped(SkipKind.CLOUDTRAIL_DIGEST, origin);
            return 0;
        }
        out.addDeadLetter(
                "unrecognized-json",
                "JSON object is neither a CloudTrail log file, a CloudTrail record, an EventBridge envelope"
                        + " nor a CloudWatch Logs payload (keys: "
                        + String.join(", ", new TreeSet<>(envelope.keys))
                        + ")",
                origin,
                excerpt.get());
        return 0;
    }

    private int readRecordsArray(JsonParser p, byte[] json, String origin, DecodedBatch out)
            throws IOException {
        int index = recordsIndexBase;
        decodedInArray = 0;
        CloudTrailRecordReader record = new CloudTrailRecordReader(json, times);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String recordOrigin = origin + " Records[" + index++ + "]";
            int start = (int) p.currentTokenLocation().getByteOffset();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                JsonToken t = p.currentToken();
                p.skipChildren();
                out.addDeadLetter(
                        "invalid-cloudtrail-record",
                        "Records[] element must be an object, got " + t.asString(),
                        recordOrigin,
                        Excerpt.of(json, start, json.length - start));
                continue;
            }
            record.reset();
            try {
                record.readObject(p);
            } catch (JsonProcessingException e) {
                int elementEnd = JsonLimit.isContained(e) ? JsonValueEnd.of(json, start) : -1;
                if (elementEnd < 0) {
                    throw e;
                }
                out.addDeadLetter(
                        JsonLimit.reason(e),
                        JsonLimit.describe(e, p),
                        recordOrigin,
                        Excerpt.of(json, start, elementEnd - start));
                throw new RecordsResume(elementEnd, index);
            }
            int end = (int) p.currentTokenLocation().getByteOffset() + 1;
            if (record.isInsightsEvent()) {
                out.addSkipped(SkipKind.CLOUDTRAIL_INSIGHT, recordOrigin);
                continue;
            }
            try {
                CloudTrailEvent event = record.finish();
                event.origin = recordOrigin;
                out.addCloudTrail(event);
                decodedInArray++;
            } catch (DecodeException e) {
                out.addDeadLetter(
                        e.reason(),
                        e.getMessage(),
                        recordOrigin,
                        Excerpt.of(json, start, end - start));
            }
        }
        return takeDecodedInArray();
    }

    private int eventBridge(
            Envelope envelope,
            byte[] json,
            String origin,
            Supplier<String> excerpt,
            DecodedBatch out) {
        if (envelope.detailType == null || !envelope.detailType.endsWith("via CloudTrail")) {
            out.addDeadLetter(
                    "unsupported-eventbridge-event",
                    "EventBridge detail-type '"
                            + envelope.detailType
                            + "' is not a CloudTrail event",
                    origin,
                    excerpt.get());
            return 0;
        }
        if (envelope.detail == null) {
            out.addDeadLetter(
                    "invalid-eventbridge-envelope",
                    "EventBridge envelope has no detail object",
                    origin,
                    excerpt.get());
            return 0;
        }
        int detailStart = envelope.detailExcerptStart;
        return emit(
                envelope.detail,
                origin,
                () -> Excerpt.of(json, detailStart, json.length - detailStart),
                out);
    }

    private int cloudWatchLogs(
            Envelope envelope, String origin, Supplier<String> excerpt, DecodedBatch out) {
        if ("CONTROL_MESSAGE".equals(envelope.messageType)) {
            out.addSkipped(SkipKind.CLOUDWATCH_CONTROL_MESSAGE, origin);
            return 0;
        }
        if (!"DATA_MESSAGE".equals(envelope.messageType) || envelope.logEvents == null) {
            out.addDeadLetter(
                    "invalid-cloudwatch-payload",
                    "CloudWatch Logs payload needs messageType DATA_MESSAGE and a logEvents array (messageType: "
                            + envelope.messageType
                            + ")",
                    origin,
                    excerpt.get());
            return 0;
        }
        int decoded = 0;
        String flowHeader = null;
        boolean flowFormatDecided = false;
        for (String[] logEvent : envelope.logEvents) {
            String eventOrigin = origin + " logEvent " + logEvent[0];
            String message = logEvent[1];
            if (message == null) {
                out.addDeadLetter(
                        "invalid-cloudwatch-payload",
                        "logEvents[] entry has no message",
                        eventOrigin,
                        excerpt.get());
                continue;
            }
            String trimmed = message.trim();
            if (trimmed.startsWith("{")) {
                decoded += decode(trimmed.getBytes(StandardCharsets.UTF_8), eventOrigin, out);
            } else {
                if (!flowFormatDecided) {
                    flowHeader = flowHeaderOf(trimmed);
                    flowFormatDecided = true;
                }
                cloudWatchFlowLines.decode(trimmed, flowHeader, eventOrigin, out);
            }
        }
        return decoded;
    }

    /**
     * The format of a payload's flow lines, decided once from its first one, as for a file without
     * a header: one log group's lines share a format. {@code null} means the configured headerless
     * format, which is also what a line that fits no format is read (and dead-lettered) in.
     */
    private String flowHeaderOf(String firstLine) {
        FlowLogFormat configured = cloudWatchFlowLines.headerlessFormat();
        FlowLogFormat decided = HeaderlessFlowFormat.of(firstLine, configured).format();
        return decided == null || decided == configured ? null : decided.header();
    }

    /** logEvents as (id, message) pairs. */
    private static List<String[]> readLogEvents(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<String[]> events = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                events.add(new String[] {String.valueOf(events.size()), null});
                continue;
            }
            String id = String.valueOf(events.size());
            String message = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("id") && t == JsonToken.VALUE_STRING) {
                    id = p.getText();
                } else if (name.equals("message") && t == JsonToken.VALUE_STRING) {
                    message = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            events.add(new String[] {id, message});
        }
        return events;
    }

    private static int emit(
            CloudTrailRecordReader record,
            String origin,
            Supplier<String> excerpt,
            DecodedBatch out) {
        if (record.isInsightsEvent()) {
            out.addSkipped(SkipKind.CLOUDTRAIL_INSIGHT, origin);
            return 0;
        }
        try {
            CloudTrailEvent event = record.finish();
            event.origin = origin;
            out.addCloudTrail(event);
            return 1;
        } catch (DecodeException e) {
            out.addDeadLetter(e.reason(), e.getMessage(), origin, excerpt.get());
            return 0;
        }
    }

    /**
     * Thrown past the parser when a {@code Records} element broke a parser limit and the decoder
     * can step over it: the parser cannot go on after such a failure.
     */
    private static final class RecordsResume extends IOException {
        private static final long serialVersionUID = 1L;
        final int elementEnd;
        final int nextIndex;

        RecordsResume(int elementEnd, int nextIndex) {
            super(null, null);
            this.elementEnd = elementEnd;
            this.nextIndex = nextIndex;
        }
    }

    /** What the top-level object turned out to contain. */
    private static final class Envelope {
        boolean isLogFile;
        boolean hasDetail;
        CloudTrailRecordReader detail;
        int detailExcerptStart;
        String detailType;
        String messageType;
        List<String[]> logEvents;
        final List<String> keys = new ArrayList<>();
    }
}
