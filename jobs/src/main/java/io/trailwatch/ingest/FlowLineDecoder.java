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

    /** The format of lines that come without a header, unless something else is decided. */
    FlowLogFormat headerlessFormat() {
        return headerlessFormat;
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
        FlowRecord record;
        try {
            record = read(data, from, to, header);
        } catch (DecodeException e) {
            out.addDeadLetter(
                    e.reason(),
                    e.getMessage(),
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
        record.origin = origin;
        record.line = line;
        out.addFlow(record);
    }

    /**
     * The record in {@code data[from, to)}, with its event time unless it is a NODATA or SKIPDATA
     * record (which carry none); what no flow log holds is a {@link DecodeException}.
     */
    private FlowRecord read(byte[] data, int from, int to, String header) throws DecodeException {
        FlowLogFormat format = format(header);
        if (format == null) {
            throw new DecodeException(
                    "flow-invalid-header", "not a flow log header: " + Excerpt.of(header));
        }
        if (format.repeatedField() != null) {
            throw new DecodeException(
                    "flow-header-repeated-field", FlowLogFormat.repeatedFieldProblem(format));
        }
        FlowRecord record = format.parse(data, from, to, repeated);
        String problem = FlowRecordCheck.problem(record);
        if (problem != null) {
            throw new DecodeException("flow-invalid-value", problem);
        }
        if ("NODATA".equals(record.logStatus) || "SKIPDATA".equals(record.logStatus)) {
            return record;
        }
        Long seconds = record.start != null ? record.start : record.end;
        if (seconds == null) {
            throw new DecodeException("flow-missing-time", "record has neither start nor end");
        }
        String outOfRange =
                record.start != null && !times.containsSeconds(record.start)
                        ? "start " + record.start
                        : record.end != null && !times.containsSeconds(record.end)
                                ? "end " + record.end
                                : null;
        if (outOfRange != null) {
            throw new DecodeException("event-time-out-of-range", times.explain(outOfRange));
        }
        record.eventTime = seconds * 1000L;
        return record;
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
