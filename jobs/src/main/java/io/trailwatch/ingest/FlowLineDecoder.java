package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.Origins;
import java.nio.charset.StandardCharsets;

/** Turns flow log lines into records, resolving each line's format from its file's header. */
final class FlowLineDecoder {
    private final FlowLogFormat headerlessFormat;
    private final EventTimeRange times;
    private final RepeatedValues repeated = new RepeatedValues();
    private String cachedHeader;
    private FlowLogFormat cachedFormat;

    /**
     * @param headerlessFormat format of lines that come without a header (CloudWatch Logs delivers
     *     none): the default version 2 format unless configured otherwise
     */
    FlowLineDecoder(FlowLogFormat headerlessFormat, EventTimeRange times) {
        this.headerlessFormat = headerlessFormat;
        this.times = times;
    }

    void decode(String line, String header, String origin, DecodedBatch out) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        decode(bytes, 0, bytes.length, header, origin, 0, out);
    }

    /**
     * Decodes the line in {@code data[from, to)}, line {@code line} of {@code origin} (0: the
     * origin names the line already).
     */
    void decode(
            byte[] data,
            int from,
            int to,
            String header,
            String origin,
            int line,
            DecodedBatch out) {
        FlowLogFormat format = format(header);
        if (format == null) {
            refuse(
                    out,
                    "flow-invalid-header",
                    "not a flow log header: " + Excerpt.of(header),
                    origin,
                    line,
                    data,
                    from,
                    to);
            return;
        }
        if (format.repeatedField() != null) {
            refuse(
                    out,
                    "flow-header-repeated-field",
                    FlowLogFormat.repeatedFieldProblem(format),
                    origin,
                    line,
                    data,
                    from,
                    to);
            return;
        }
        FlowRecord record;
        try {
            record = format.parse(data, from, to, repeated);
        } catch (DecodeException e) {
            refuse(out, e.reason(), e.getMessage(), origin, line, data, from, to);
            return;
        }
        String problem = FlowRecordCheck.problem(record);
        if (problem != null) {
            refuse(out, "flow-invalid-value", problem, origin, line, data, from, to);
            return;
        }
        if ("NODATA".equals(record.logStatus)) {
            out.addSkipped(SkipKind.FLOW_NODATA, Origins.line(origin, line));
            return;
        }
        if ("SKIPDATA".equals(record.logStatus)) {
            out.addSkipped(SkipKind.FLOW_SKIPDATA, Origins.line(origin, line));
            return;
        }
        Long seconds = record.start != null ? record.start : record.end;
        if (seconds == null) {
            refuse(
                    out,
                    "flow-missing-time",
                    "record has neither start nor end",
                    origin,
                    line,
                    data,
                    from,
                    to);
            return;
        }
        String outOfRange =
                record.start != null && !times.containsSeconds(record.start)
                        ? "start " + record.start
                        : record.end != null && !times.containsSeconds(record.end)
                                ? "end " + record.end
                                : null;
        if (outOfRange != null) {
            refuse(
                    out,
                    "event-time-out-of-range",
                    times.explain(outOfRange),
                    origin,
                    line,
                    data,
                    from,
                    to);
            return;
        }
        record.eventTime = seconds * 1000L;
        record.origin = origin;
        record.line = line;
        out.addFlow(record);
    }

    /** A dead letter for the line in {@code data[from, to)}. */
    private static void refuse(
            DecodedBatch out,
            String reason,
            String detail,
            String origin,
            int line,
            byte[] data,
            int from,
            int to) {
        out.addDeadLetter(
                reason, detail, Origins.line(origin, line), Excerpt.of(data, from, to - from));
    }

    private FlowLogFormat format(String header) {
        if (header == null) {
            return headerlessFormat;
        }
        if (!header.equals(cachedHeader)) {
            cachedFormat = FlowLogFormat.parseHeader(header);
            cachedHeader = header;
        }
        return cachedFormat;
    }
}
