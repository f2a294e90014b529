package io.trailwatch.ingest;

import io.trailwatch.model.Origins;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The one entry point from raw input to typed records: every source (files, Kinesis) hands its raw
 * records here. Never throws for bad input: every outcome is an entry of the {@link DecodedBatch}
 * it returns, a record, a skip or a dead letter.
 *
 * <p>One instance per thread: it refills the same batch for every record.
 */
public final class RecordDecoder {
    private final DecodeLimits limits;
    private final EventTimeRange times;
    private final FlowLineDecoder flowLines;
    private final JsonEnvelopeDecoder json;
    private final DecodedBatch out = new DecodedBatch();

    /**
     * @param headerlessFlowFormat format of flow lines that arrive without a header (CloudWatch
     *     Logs, Kinesis)
     */
    public RecordDecoder(DecodeLimits limits, FlowLogFormat headerlessFlowFormat) {
        this(limits, headerlessFlowFormat, EventTimeRange.upTo(limits.eventTimeHorizon));
    }

    RecordDecoder(DecodeLimits limits, FlowLogFormat headerlessFlowFormat, EventTimeRange times) {
        this.limits = limits;
        this.times = times;
        this.flowLines = new FlowLineDecoder(headerlessFlowFormat, times);
        this.json = new JsonEnvelopeDecoder(flowLines, limits, times);
    }

    public RecordDecoder() {
        this(DecodeLimits.defaults(), FlowLogFormat.DEFAULT_V2);
    }

    /**
     * Hands what it decodes to {@code consumer} every {@code entries} entries (see {@link
     * DecodedBatch#handOverEvery}).
     */
    public void handOverEvery(int entries, Consumer<DecodedBatch> consumer) {
        out.handOverEvery(entries, consumer);
    }

    /**
     * What the record holds (or, with {@link #handOverEvery}, what is left of it), valid until the
     * next call.
     */
    public DecodedBatch decode(RawRecord raw) {
        out.clear();
        decodeInto(raw);
        return out;
    }

    private void decodeInto(RawRecord raw) {
        times.refresh();
        try {
            RawRecord decided =
                    raw.kind == RawKind.UNKNOWN ? FormatDecider.decide(raw, limits) : raw;
            switch (decided.kind) {
                case SOURCE_ERROR:
                    out.addDeadLetter(
                            decided.errorReason,
                            decided.errorDetail,
                            decided.origin,
                            Excerpt.of(decided.payload));
                    return;
                case FLOW_LINE:
                    flowLines.decode(
                            decided.payload,
                            0,
                            decided.payload.length,
                            decided.flowHeader,
                            decided.origin,
                            0,
                            out);
                    return;
                case JSON:
                    if (decided.errorReason != null) {
                        json.decodeBeforeDamage(
                                decided.payload,
                                decided.origin,
                                out,
                                decided.errorReason,
                                decided.errorDetail);
                    } else {
                        json.decode(decided.payload, decided.origin, out);
                    }
                    return;
                case FLOW_LINES:
                case JSON_LINES:
                    decodeLines(decided);
                    return;
                case FLOW_TEXT:
                    decodeFlowText(decided);
                    return;
                default:
                    throw new IllegalArgumentException("undecided record kind " + decided.kind);
            }
        } catch (RuntimeException e) {
            // A decoder bug must cost one record, not the job: keep the evidence for the fix.
            out.addDeadLetter(
                    "decoder-error",
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    raw.origin,
                    Excerpt.of(raw.payload));
        }
    }

    /** A run of lines: each non-blank line is one record, with its own line number as origin. */
    private void decodeLines(RawRecord raw) {
        byte[] data = raw.payload;
        int lineNo = raw.firstLine;
        int start = 0;
        int i;
        while ((i = ByteSearch.indexOf(data, start, data.length, (byte) '\n')) >= 0) {
            if (ContentSniffer.firstSignificantByte(data, start, i) >= 0) {
                decodeLine(raw, data, start, i, lineNo);
            }
            lineNo++;
            start = i + 1;
        }
    }

    private void decodeLine(RawRecord raw, byte[] data, int from, int to, int lineNo) {
        try {
            if (raw.kind == RawKind.FLOW_LINES) {
                flowLines.decode(data, from, to, raw.flowHeader, raw.origin, lineNo, out);
            } else {
                json.decode(
                        Arrays.copyOfRange(data, from, to), Origins.line(raw.origin, lineNo), out);
            }
        } catch (RuntimeException e) {
            // as in decode(): one line's decoder bug costs that line, not the rest of the run
            out.addDeadLetter(
                    "decoder-error",
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Origins.line(raw.origin, lineNo),
                    Excerpt.of(data, from, to - from));
        }
    }

    /**
     * Flow log text from one record: each non-blank line, stripped, is a flow record; line 1 is
     * skipped when it is the header.
     */
    private void decodeFlowText(RawRecord raw) {
        String text = new String(raw.payload, StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || (lineNo == 1 && raw.flowHeader != null)) {
                continue;
            }
            byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
            flowLines.decode(
                    bytes,
                    0,
                    bytes.length,
                    raw.flowHeader,
                    raw.origin,
                    lineNo == 1 ? 0 : lineNo,
                    out);
        }
    }
}
