package io.trailwatch.ingest;

/** Valid input that is counted but not analysed. */
public enum SkipKind {
    FLOW_NODATA,
    FLOW_SKIPDATA,
    CLOUDWATCH_CONTROL_MESSAGE,
    /** A CloudTrail Insights event: a measurement of unusual activity, not an API call. */
    CLOUDTRAIL_INSIGHT,
    /** A CloudTrail digest file: hashes of the log files delivered, for integrity validation. */
    CLOUDTRAIL_DIGEST
}
