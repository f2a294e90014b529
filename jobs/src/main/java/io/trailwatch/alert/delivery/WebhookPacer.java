package io.trailwatch.alert.delivery;

import java.util.HashMap;
import java.util.Map;

/**
 * Spaces the messages to each webhook: at most one per interval (Slack: one per second per
 * webhook), and none before a {@code Retry-After} the webhook asked for has passed. Every send
 * takes a slot of its own, also after a hold-off: a send planned before the hold-off began takes a
 * new slot after it rather than going at its end together with the others. Thread-safe: sends are
 * planned on the task thread and responses arrive on HTTP client threads.
 */
public final class WebhookPacer {
    /** What {@link #reserve(String, long, long)} answers when no slot is free in time. */
    public static final long NO_SLOT = -1;

    private final long intervalMillis;
    private final Map<String, Long> nextSlot = new HashMap<>();
    private final Map<String, Long> heldOffUntil = new HashMap<>();

    public WebhookPacer(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Reserves the next free slot of the webhook; returns how long to wait for it. */
    public long reserve(String webhook, long now) {
        return reserve(webhook, now, Long.MAX_VALUE);
    }

    /**
     * Reserves the next free slot of the webhook if it comes no later than {@code latest}; returns
     * how long to wait for it, or {@link #NO_SLOT} (and reserves nothing) when it would be later.
     */
    public synchronized long reserve(String webhook, long now, long latest) {
        long slot = Math.max(now, Math.max(next(nextSlot, webhook), next(heldOffUntil, webhook)));
        if (slot > latest) {
            return NO_SLOT;
        }
        nextSlot.put(webhook, slot + intervalMillis);
        return slot - now;
    }

    /** The webhook said 429 with Retry-After: nothing goes there before {@code until}. */
    public synchronized void holdOff(String webhook, long until) {
        heldOffUntil.merge(webhook, until, Math::max);
    }

    /**
     * Whether a send planned earlier must not go now because of a hold-off that began since; it
     * then {@link #reserve reserves} a new slot.
     */
    public synchronized boolean heldOff(String webhook, long now) {
        Long until = heldOffUntil.get(webhook);
        return until != null && until > now;
    }

    private static long next(Map<String, Long> slots, String webhook) {
        Long t = slots.get(webhook);
        return t == null ? Long.MIN_VALUE : t;
    }
}
