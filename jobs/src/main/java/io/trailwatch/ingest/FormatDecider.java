package io.trailwatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decides what a log file or a record of unknown shape holds, from its content alone (never a
 * name): gzip or not, JSON or flow log text, and for text its header or, without one, its format.
 * The file scanner asks it about a file's first bytes and lines; the decoder asks it about a
 * Kinesis record before anything else. Everything after dispatches on the {@link RawKind} decided
 * here and never looks again.
 */
public final class FormatDecider {
    private static final JsonFactory JSON = new JsonFactory();

    /** What the first line of content that is not JSON is. */
    enum TextStart {
        /** Binary data, or a line too long to be either format's. */
        NOT_TEXT,
        /** A flow log header line: the lines after it are in its format. */
        FLOW_HEADER,
        /**
         * Text without a header: flow records of the format {@link #headerlessFlow} decides, or
         * text of no flow log.
         */
        HEADERLESS_TEXT
    }

    private FormatDecider() {}

    /** Whether content that starts with these bytes is gzip. */
    static boolean isGzip(byte[] start) {
        return Gzip.isGzip(start);
    }

    /** Whether content whose first significant byte (or -1) is {@code first} is JSON. */
    static boolean isJson(int first) {
        return first == '{' || first == '[';
    }

    /**
     * Whether a line of a JSON file holds a whole JSON value: then the file is JSON lines, else one
     * document across lines (pretty-printed).
     */
    static boolean isCompleteJsonValue(byte[] line) {
        try (JsonParser p = JSON.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What the first line of a text file is, {@code tooLong} when the reader cut it at the line
     * bound.
     */
    static TextStart ofFirstLine(byte[] line, boolean tooLong) {
        if (tooLong || !ContentSniffer.isText(line)) {
            return TextStart.NOT_TEXT;
        }
        String text = new String(line, StandardCharsets.UTF_8).strip();
        return FlowLogFormat.parseHeader(text) != null
                ? TextStart.FLOW_HEADER
                : TextStart.HEADERLESS_TEXT;
    }

    /**
     * The format of a text file whose first line is {@link TextStart#HEADERLESS_TEXT}, or why it is
     * no flow log: see {@link HeaderlessFlowFormat}.
     *
     * @param declared the format declared for the file's lines, or {@code null}
     */
    static HeaderlessFlowFormat.Decision headerlessFlow(byte[] firstLine, FlowLogFormat declared) {
        return HeaderlessFlowFormat.of(
                new String(firstLine, StandardCharsets.UTF_8).strip(), declared);
    }

    /** The header of a text file whose first line is {@link TextStart#FLOW_HEADER}. */
    static String header(byte[] firstLine) {
        return new String(firstLine, StandardCharsets.UTF_8).strip();
    }

    /**
     * Decides a record of unknown shape, as Kinesis delivers it: gzip is expanded, then the content
     * is {@link RawKind#JSON} or {@link RawKind#FLOW_TEXT}, or a {@link RawKind#SOURCE_ERROR} that
     * says why it is neither. Every line of text is taken for a flow record, so that each bad one
     * is dead-lettered by itself.
     */
    static RawRecord decide(RawRecord unknown, DecodeLimits limits) {
        byte[] data = unknown.payload;
        if (isGzip(data)) {
            try {
                data =
                        Gzip.decompress(
                                data,
                                Math.min(limits.maxDecompressedBytes, limits.maxDocumentBytes));
            } catch (DecodeException e) {
                return RawRecord.sourceError(
                        unknown.origin, e.reason(), e.getMessage(), unknown.payload);
            }
        }
        int first = ContentSniffer.firstSignificantByte(data, 0);
        if (first < 0) {
            return RawRecord.sourceError(
                    unknown.origin, "empty-record", "record has no content", new byte[0]);
        }
        if (isJson(data[first])) {
            return new RawRecord(unknown.origin, RawKind.JSON, data, null);
        }
        if (!ContentSniffer.isText(data)) {
            return RawRecord.sourceError(
                    unknown.origin,
                    "unrecognized-content",
                    "neither JSON nor flow log text (binary data)",
                    data);
        }
        return new RawRecord(unknown.origin, RawKind.FLOW_TEXT, data, headerOfText(data));
    }

    /** The first line of flow log text when it is a header, else {@code null}. */
    private static String headerOfText(byte[] data) {
        int end = ByteSearch.indexOf(data, 0, data.length, (byte) '\n');
        String first =
                new String(data, 0, end < 0 ? data.length : end, StandardCharsets.UTF_8).strip();
        return !first.isEmpty() && FlowLogFormat.parseHeader(first) != null ? first : null;
    }
}
