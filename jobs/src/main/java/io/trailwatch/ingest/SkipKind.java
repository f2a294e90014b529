package io.trailwatch.ingest;

/** Valid input that is counted but not analysed. */
public enum SkipKind {
    FLOW_NODATA,
    FLOW_SKIPDATA,
    CLOUDWATCH_CONTROL_MESSAGE
}
