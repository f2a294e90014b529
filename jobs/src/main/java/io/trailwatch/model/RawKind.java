package io.trailwatch.model;

/**
 * The format of a raw record's payload, as decided from its content (by the file scanner) or still
 * to be decided ({@link #UNKNOWN}); the decoder dispatches on it.
 */
public enum RawKind {
    // RawRecordSerializer writes a kind as its position here: new kinds go at the end.

    /** A JSON document or Kinesis record: an envelope to recognise from its content. */
    JSON,
    /** One line of a flow log file (format given by the record's {@code flowHeader}). */
    FLOW_LINE,
    /**
     * Consecutive lines of a flow log file, from line {@code firstLine} on, each ending in a line
     * feed (format given by the record's {@code flowHeader}).
     */
    FLOW_LINES,
    /** Consecutive lines of a JSON-lines file, from line {@code firstLine} on, likewise. */
    JSON_LINES,
    /**
     * A Kinesis record or any payload whose shape (gzip, JSON, text) is still unknown: the decoder
     * has it decided before anything else.
     */
    UNKNOWN,
    /**
     * A problem found before decoding (empty file, unreadable content, over-long line, broken
     * gzip).
     */
    SOURCE_ERROR,
    /**
     * Flow log text that came whole in one record of unknown shape: its lines are numbered within
     * the record, the first named by the record's origin alone, and {@code flowHeader} holds line 1
     * when that is a header. Only made where an {@link #UNKNOWN} record is decided, right before it
     * is decoded.
     */
    FLOW_TEXT
}
