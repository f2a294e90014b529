package io.trailwatch.detect.windowed;

import io.trailwatch.detect.signals.Signal;

/**
 * One key's state for a threshold rule: the sliding window while below the threshold, the open
 * incident once above it. Signals must come in event-time order (the detector sorts them), so the
 * outcome never depends on arrival order. Everything here is bounded: the window by the rule's
 * threshold or length (see {@link Compaction}), the incident by its caps.
 */
public class BurstState {
    public BurstWindow window = new BurstWindow();

    /** The open incident, or {@code null} while the key is below the threshold. */
    public Incident incident;

    /** Event time of the latest signal kept. */
    public long lastActivity = Long.MIN_VALUE;

    /**
     * The detector's expiry timer for this key, which may come before {@link #nextExpiry}: a signal
     * that moves the expiry on leaves it in place (see the detector).
     */
    public long expiryTimer = Long.MIN_VALUE;

    /**
     * For a rule that decides a window once it is complete: the latest signal kept, whose context
     * (account, owner …) its alert names.
     */
    public Signal latest;

    public BurstState() {}

    /**
     * Handles the next signal of the key.
     *
     * @return the incident when this signal opened it, else {@code null}
     */
    public Incident offer(Signal s, ThresholdRule rule) {
        if (!rule.relevant(s)) {
            return null;
        }
        if (incident != null) {
            incident.absorb(s);
            lastActivity = Math.max(lastActivity, s.time);
            return null;
        }
        if (!rule.decidesAtClose()) {
            window.evictThrough(s.time - rule.windowMillis());
        }
        if (!rule.admits(s, window)) {
            return null;
        }
        window.add(s, rule.compaction());
        lastActivity = Math.max(lastActivity, s.time);
        if (rule.decidesAtClose()) {
            latest = s;
        }
        Verdict verdict = rule.judge(window);
        if (verdict == Verdict.NONE) {
            return null;
        }
        incident =
                Incident.open(
                        window, s, verdict == Verdict.ABSORB, s.time + rule.reportDelayMillis());
        window.clear();
        return incident;
    }

    /** Whether the incident's alert is due at {@code now} and not yet out. */
    public boolean reportDue(long now) {
        return incident != null
                && !incident.silent
                && !incident.reported
                && now >= incident.reportAt;
    }

    /**
     * Ends an incident that has been quiet for a window or lasted its longest, and drops entries
     * that left the window.
     *
     * @return the incident that just ended, or {@code null}
     */
    public Incident expire(long now, ThresholdRule rule) {
        Incident ended = null;
        if (incident != null && now >= incidentEnd(rule)) {
            ended = incident;
            incident = null;
        }
        if (rule.decidesAtClose()) {
            // the whole window counts (its key is one timespan) until the key has been quiet for
            // a window: then it is complete, and an incident opens and ends here, to be reported
            if (latest != null && !window.isEmpty() && now >= lastActivity + rule.windowMillis()) {
                if (rule.judgeClosed(window) == Verdict.ALERT) {
                    ended = Incident.open(window, latest, false, now);
                }
                latest = null;
                window.clear();
            }
            return ended;
        }
        window.evictThrough(now - rule.windowMillis());
        return ended;
    }

    /** When the state can next shrink: the incident ends or the last entry leaves the window. */
    public long nextExpiry(ThresholdRule rule) {
        long quiet = lastActivity + rule.windowMillis();
        return incident == null ? quiet : Math.min(quiet, incidentEnd(rule));
    }

    private long incidentEnd(ThresholdRule rule) {
        return Math.min(
                incident.lastSeen + rule.windowMillis(),
                incident.firstSeen + rule.maxIncidentMillis());
    }

    public boolean isEmpty() {
        return incident == null && window.isEmpty();
    }
}
