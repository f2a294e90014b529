package io.trailwatch.ingest;

import io.trailwatch.model.Origins;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one entry point from raw input to typed records: every source (files, Kinesis) hands its raw
 * records here. Never throws for bad input: every outcome reaches the listener as a record, a skip
 * or a dead letter.
 */
public final class RecordDecoder {
    private final DecodeLimits limits;
    private final FlowLineDecoder flowLines;
    private final JsonEnvelopeDecoder json;

    /**
     * @param headerlessFlowFormat format of flow lines that arrive without a header (CloudWatch
     *     Logs, Kinesis)
     */
    public RecordDecoder(DecodeLimits limits, FlowLogFormat headerlessFlowFormat) {
        this.limits = limits;
        this.flowLines = new FlowLineDecoder(headerlessFlowFormat);
        this.json = new JsonEnvelopeDecoder(flowLines, limits);
    }

    public RecordDecoder() {
        this(DecodeLimits.defaults(), FlowLogFormat.DEFAULT_V2);
    }

    public void decode(RawRecord raw, DecodedListener out) {
        try {
            switch (raw.kind) {
                case SOURCE_ERROR:
                    out.deadLetter(
                            raw.errorReason, raw.errorDetail, raw.origin, Excerpt.of(raw.payload));
                    return;
                case FLOW_LINE:
                    flowLines.decode(
                            raw.payload, 0, raw.payload.length, raw.flowHeader, raw.origin, 0, out);
                    return;
                case JSON:
                    json.decode(raw.payload, raw.origin, out);
                    return;
                case FLOW_LINES:
                case JSON_LINES:
                    decodeLines(raw, out);
                    return;
                default:
                    decodeUnknown(raw.payload, raw.origin, out);
            }
        } catch (RuntimeException e) {
            // A decoder bug must cost one record, not the job: keep the evidence for the fix.
            out.deadLetter(
                    "decoder-error",
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    raw.origin,
                    Excerpt.of(raw.payload));
        }
    }

    /** A run of lines: each non-blank line is one record, with its own line number as origin. */
    private void decodeLines(RawRecord raw, DecodedListener out) {
        byte[] data = raw.payload;
        int lineNo = raw.firstLine;
        int start = 0;
        int i;
        while ((i = ByteSearch.indexOf(data, start, data.length, (byte) '\n')) >= 0) {
            if (ContentSniffer.firstSignificantByte(data, start, i) >= 0) {
                decodeLine(raw, data, start, i, lineNo, out);
            }
            lineNo++;
            start = i + 1;
        }
    }

    private void decodeLine(
            RawRecord raw, byte[] data, int from, int to, int lineNo, DecodedListener out) {
        try {
            if (raw.kind == RawKind.FLOW_LINES) {
                flowLines.decode(data, from, to, raw.flowHeader, raw.origin, lineNo, out);
            } else {
                json.decode(
                        Arrays.copyOfRange(data, from, to), Origins.line(raw.origin, lineNo), out);
            }
        } catch (RuntimeException e) {
            // as in decode(): one line's decoder bug costs that line, not the rest of the run
            out.deadLetter(
                    "decoder-error",
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Origins.line(raw.origin, lineNo),
                    Excerpt.of(data, from, to - from));
        }
    }

    /** A payload of unknown shape, as Kinesis delivers: gzip or not, JSON or flow log text. */
    private void decodeUnknown(byte[] payload, String origin, DecodedListener out) {
        byte[] data = payload;
        if (Gzip.isGzip(data)) {
            try {
                data =
                        Gzip.decompress(
                                data,
                                Math.min(limits.maxDecompressedBytes, limits.maxDocumentBytes));
            } catch (DecodeException e) {
                out.deadLetter(e.reason(), e.getMessage(), origin, Excerpt.of(payload));
                return;
            }
        }
        int first = ContentSniffer.firstSignificantByte(data, 0);
        if (first < 0) {
            out.deadLetter("empty-record", "record has no content", origin, "");
            return;
        }
        if (data[first] == '{' || data[first] == '[') {
            json.decode(data, origin, out);
            return;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (!ContentSniffer.isText(data)) {
            out.deadLetter(
                    "unrecognized-content",
                    "neither JSON nor flow log text (binary data)",
                    origin,
                    Excerpt.of(data));
            return;
        }
        String header = null;
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (lineNo == 1 && FlowLogFormat.parseHeader(l) != null) {
                header = l;
                continue;
            }
            byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
            flowLines.decode(bytes, 0, bytes.length, header, origin, lineNo == 1 ? 0 : lineNo, out);
        }
    }
}
