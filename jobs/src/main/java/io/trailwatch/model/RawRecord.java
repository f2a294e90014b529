package io.trailwatch.model;

/**
 * One unit of undecoded input as a source delivers it: a whole CloudTrail log document, a run of
 * lines of a JSON-lines or flow log file, or one Kinesis record. Decoding happens downstream, in
 * one place.
 *
 * <p>Lines travel in runs because every record handed between Flink operators is serialized with
 * its origin and header: per line, that cost more than decoding the line.
 */
public class RawRecord {
    public String origin;
    public RawKind kind;
    public byte[] payload;

    /**
     * For flow log lines: the field names of their format, from the file's header line or, for a
     * file without one, as decided from its first line; {@code null} for the decoder's format of
     * lines without a header (the default version 2 format unless {@code Input.flow.format} says
     * otherwise).
     */
    public String flowHeader;

    /**
     * For {@link RawKind#SOURCE_ERROR}: the dead-letter reason and its explanation. For {@link
     * RawKind#JSON}: the damage that cut the document short (its records before the cut are still
     * decoded), or {@code null}.
     */
    public String errorReason;

    public String errorDetail;

    /**
     * For {@link RawKind#FLOW_LINES} and {@link RawKind#JSON_LINES}: the line number of the first
     * line in the payload; the origin is then the file alone.
     */
    public int firstLine;

    public RawRecord() {}

    public RawRecord(String origin, RawKind kind, byte[] payload, String flowHeader) {
        this.origin = origin;
        this.kind = kind;
        this.payload = payload;
        this.flowHeader = flowHeader;
    }

    /** A problem found by the source itself; the payload holds the start of the offending input. */
    public static RawRecord sourceError(String origin, String reason, String detail, byte[] start) {
        RawRecord r = new RawRecord(origin, RawKind.SOURCE_ERROR, start, null);
        r.errorReason = reason;
        r.errorDetail = detail;
        return r;
    }
}
