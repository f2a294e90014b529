package io.trailwatch.config;

import java.io.Serializable;

/**
 * Retries of a delivery that failed for a passing reason (throttling, 5xx, network): exponential
 * backoff with full jitter, at most {@link #maxAttempts} sends per message and none after the
 * message's {@link #deadlineMillis}, then dead letter.
 */
public class RetrySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Sends per message, the first one included. */
    public int maxAttempts = 8;

    public long baseDelayMillis = 250;
    public long maxDelayMillis = 30_000;

    /** How long one request may take before the sink gives up waiting and retries it. */
    public long requestTimeoutMillis = 60_000;

    /**
     * Longest {@code Retry-After} waited for: a destination asking for more is tried again after
     * this long (and may ask again).
     */
    public long maxRetryAfterMillis = 60_000;

    /**
     * How long after the sink took an alert it may still be sent; a message that cannot go out by
     * then (waiting for a {@code Retry-After}, for a retry, or for its turn) is dead-lettered
     * rather than holding the queue behind it.
     */
    public long deadlineMillis = 600_000;

    public RetrySettings() {}

    public static RetrySettings defaults() {
        return new RetrySettings();
    }

    public static RetrySettings of(int maxAttempts, long baseDelayMillis, long maxDelayMillis) {
        RetrySettings r = new RetrySettings();
        r.maxAttempts = maxAttempts;
        r.baseDelayMillis = baseDelayMillis;
        r.maxDelayMillis = maxDelayMillis;
        return r;
    }

    void validate() {
        if (maxAttempts < 1 || baseDelayMillis < 0 || maxDelayMillis < baseDelayMillis) {
            throw new IllegalArgumentException(
                    "retry settings need max-attempts >= 1 and 0 <= base-delay <= max-delay");
        }
        if (maxRetryAfterMillis <= 0 || deadlineMillis <= 0) {
            throw new IllegalArgumentException(
                    "retry settings need a positive max-retry-after and deadline");
        }
    }
}
