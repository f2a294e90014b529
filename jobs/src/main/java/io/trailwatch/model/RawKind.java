package io.trailwatch.model;

/** What a source already knows about a raw record's shape. */
public enum RawKind {
    /** A JSON document or Kinesis record: an envelope to recognise from its content. */
    JSON,
    /** One line of a flow log file (format given by the record's {@code flowFields}). */
    FLOW_LINE,
    /** A Kinesis record or any payload whose shape (gzip, JSON, text) is still unknown. */
    UNKNOWN,
    /** A problem the source found itself (empty file, unreadable content, over-long line). */
    SOURCE_ERROR
}
