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
            out.addDeadLetter(
                    "flow-invalid-header",
                    "not a flow log header: " + Excerpt.of(header),
                    Origins.line(origin, line),
                    Excerpt.of(data, from, to - from));
            return;
        }
        if (format.repeatedField() != null) {
            out.addDeadLetter(
                    "flow-header-repeated-field",
                    FlowLogFormat.repeatedFieldProblem(format),
                    Origins.line(origin, line),
                    Excerpt.of(data, from, to - from));
            return;
        }
        FlowRecord record;
        try {
            record = format.parse(data, from, to, repeated);
        } catch (DecodeException e) {
            out.addDeadLetter(
                    e.reason(),
                    e.getMessage(),
                    Origins.line(origin, line),
                    Excerpt.of(data, from, to - from));
            return;
        }
        String problem = FlowRecordCheck.problem(record);
        if (problem != null) {
            out.addDeadLetter(
                    "flow-invalid-value",
                    problem,
                    Origins.line(origin, line),
                    Excerpt.of(data, from, to - from));
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
            out.addDeadLetter(
                    "flow-missing-time",
                    "record has neither start nor end",
                    Origins.line(origin, line),
                    Excerpt.of(data, from, to - from));
            return;
        }
        String outOfRange =
                record.start != null && !times.containsSeconds(record.start)
                        ? "start " + record.start
                        : record.end != null && !times.containsSeconds(record.end)
                                ? "end " + record.end
                                : null;
        if (outOfRange != null) {
            out.addDeadLetter(
                    "event-time-out-of-range",
                    times.explain(outOfRange),
                    Origins.line(origin, line),
                    Excerpt.of(data, from, to - from));
            return;
        }
        record.eventTime = seconds * 1000L;
        record.origin = origin;
        record.line = line;
        out.addFlow(record);
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
