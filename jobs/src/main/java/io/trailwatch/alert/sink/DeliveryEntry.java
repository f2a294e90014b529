package io.trailwatch.alert.sink;

import java.io.Serializable;

/**
 * A message a delivery sink buffers, with what its writer needs to retry it and, when it cannot be
 * delivered, to dead-letter it.
 *
 * @param <E> the entry type itself, which each failed attempt yields again
 */
public abstract class DeliveryEntry<E extends DeliveryEntry<E>> implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String alertId;
    public final String ruleId;

    /**
     * When the sink took the message (epoch milliseconds), or was restored with it: the delivery
     * deadline counts from here. Checkpoints do not keep it, so a job that was down does not
     * dead-letter what it held for having been down.
     */
    public final long since;

    public final int failedAttempts;

    /** The error of the last failed attempt, or {@code null}. */
    public final String lastError;

    protected DeliveryEntry(
            String alertId, String ruleId, long since, int failedAttempts, String lastError) {
        this.alertId = alertId;
        this.ruleId = ruleId;
        this.since = since;
        this.failedAttempts = failedAttempts;
        this.lastError = lastError;
    }

    /** Where the message is meant to go, as the dead letters name it. */
    public abstract String destination();

    /** The alert's JSON, as the dead letters keep it. */
    public abstract String alert();

    /** The same message after one more failed attempt, which ended in this error. */
    public abstract E failedAgain(String error);

    /** What the message counts against the sink's byte limits. */
    public abstract long sizeInBytes();
}
