package io.trailwatch.model;

/** Input that could not be used, with why, where it came from and a bounded excerpt. */
public class DeadLetter {
    /** A short stable category, e.g. {@code invalid-json}, {@code flow-field-count}. */
    public String reason;

    /** Human-readable explanation. */
    public String detail;

    /** File and line, or stream, shard and sequence number. */
    public String origin;

    /** At most {@link io.trailwatch.ingest.Excerpt#MAX_CHARS} characters of the offending input. */
    public String excerpt;

    /** Wall-clock time it was dead-lettered, epoch milliseconds. */
    public long at;

    public DeadLetter() {}

    public DeadLetter(String reason, String detail, String origin, String excerpt, long at) {
        this.reason = reason;
        this.detail = detail;
        this.origin = origin;
        this.excerpt = excerpt;
        this.at = at;
    }

    @Override
    public String toString() {
        return reason + " at " + origin + ": " + detail;
    }
}
