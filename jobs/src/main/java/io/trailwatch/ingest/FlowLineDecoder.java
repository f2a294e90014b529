package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;

/** Turns flow log lines into records, resolving each line's format from its file's header. */
final class FlowLineDecoder {
    private final FlowLogFormat headerlessFormat;
    private String cachedHeader;
    private FlowLogFormat cachedFormat;

    /**
     * @param headerlessFormat format of lines that come without a header (CloudWatch Logs delivers
     *     none): the default version 2 format unless configured otherwise
     */
    FlowLineDecoder(FlowLogFormat headerlessFormat) {
        this.headerlessFormat = headerlessFormat;
    }

    void decode(String line, String header, String origin, DecodedListener out) {
        FlowLogFormat format = format(header);
        if (format == null) {
            out.deadLetter(
                    "flow-invalid-header",
                    "not a flow log header: " + Excerpt.of(header),
                    origin,
                    Excerpt.of(line));
            return;
        }
        FlowRecord record;
        try {
            record = format.parse(line);
        } catch (DecodeException e) {
            out.deadLetter(e.reason(), e.getMessage(), origin, Excerpt.of(line));
            return;
        }
        if ("NODATA".equals(record.logStatus)) {
            out.skipped(SkipKind.FLOW_NODATA, origin);
            return;
        }
        if ("SKIPDATA".equals(record.logStatus)) {
            out.skipped(SkipKind.FLOW_SKIPDATA, origin);
            return;
        }
        Long seconds = record.start != null ? record.start : record.end;
        if (seconds == null) {
            out.deadLetter(
                    "flow-missing-time",
                    "record has neither start nor end",
                    origin,
                    Excerpt.of(line));
            return;
        }
        record.eventTime = seconds * 1000L;
        record.origin = origin;
        out.flow(record);
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
