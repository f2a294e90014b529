package io.trailwatch.model;

/** What a source already knows about a raw record's shape. */
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
    /** A Kinesis record or any payload whose shape (gzip, JSON, text) is still unknown. */
    UNKNOWN,
    /** A problem the source found itself (empty file, unreadable content, over-long line). */
    SOURCE_ERROR
}
