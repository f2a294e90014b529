package io.trailwatch.metrics;

/**
 * Names of the job's accumulators: what a replay summary reports and tests assert. Each is also a
 * Flink metric of the same name on the operator that counts it.
 */
public final class Counters {
    public static final String CLOUDTRAIL_RECORDS = "records.cloudtrail";
    public static final String FLOW_RECORDS = "records.flow";
    public static final String FLOW_NODATA = "records.flow-nodata";
    public static final String FLOW_SKIPDATA = "records.flow-skipdata";
    public static final String CLOUDWATCH_CONTROL = "records.cloudwatch-control";
    public static final String CLOUDTRAIL_INSIGHTS = "records.cloudtrail-insights";
    public static final String CLOUDTRAIL_DIGESTS = "records.cloudtrail-digests";
    public static final String DEAD_LETTERS = "dead-letters";

    /** Prefix; followed by the dead-letter reason. */
    public static final String DEAD_LETTER_REASON = "dead-letters.";

    /** Prefix; followed by rule id. */
    public static final String LATE_RECORDS = "late.";

    /** Prefix; followed by rule id: alerts silenced by a suppression. */
    public static final String SUPPRESSED = "suppressed.";

    /** Prefix; followed by rule id and severity, e.g. {@code alerts.TW-OWN-01.MEDIUM}. */
    public static final String ALERTS = "alerts.";

    /** Repeats folded into follow-ups instead of being sent. */
    public static final String DEDUP_SUPPRESSED = "dedup.suppressed";

    /** Follow-ups sent for folded repeats. */
    public static final String DEDUP_FOLLOW_UPS = "dedup.follow-ups";

    /** Prefix; followed by the channel ({@code sns}, {@code slack}): deliveries routed there. */
    public static final String DELIVERIES = "delivery.routed.";

    /** Alerts that no configured destination could take (dead-lettered as {@code no-route}). */
    public static final String UNROUTABLE = "delivery.unroutable";

    private Counters() {}
}
