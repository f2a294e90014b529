package io.trailwatch.alert.delivery;

import java.util.HashMap;
import java.util.Map;

/**
 * Spaces the messages to each webhook: at most one per interval (Slack: one per second per
 * webhook), and none before a {@code Retry-After} the webhook asked for has passed. Thread-safe:
 * sends are planned on the task thread and responses arrive on HTTP client threads.
 */
public final class WebhookPacer {
    private final long intervalMillis;
    private final Map<String, Long> nextSlot = new HashMap<>();
    private final Map<String, Long> heldOffUntil = new HashMap<>();

    public WebhookPacer(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Reserves the next free slot of the webhook; returns how long to wait for it. */
    public synchronized long reserve(String webhook, long now) {
        long slot = Math.max(now, Math.max(next(nextSlot, webhook), next(heldOffUntil, webhook)));
        nextSlot.put(webhook, slot + intervalMillis);
        return slot - now;
    }

    /** The webhook said 429 with Retry-After: nothing goes there before {@code until}. */
    public synchronized void holdOff(String webhook, long until) {
        heldOffUntil.merge(webhook, until, Math::max);
    }

    /** How much longer a send planned earlier must wait because of a later hold-off; 0 if none. */
    public synchronized long heldOffFor(String webhook, long now) {
        Long until = heldOffUntil.get(webhook);
        return until == null ? 0 : Math.max(0, until - now);
    }

    private static long next(Map<String, Long> slots, String webhook) {
        Long t = slots.get(webhook);
        return t == null ? Long.MIN_VALUE : t;
    }
}
