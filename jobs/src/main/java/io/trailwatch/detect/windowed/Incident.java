package io.trailwatch.detect.windowed;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Evidence;
import java.util.Arrays;

/**
 * A burst that reached its rule's threshold: what an alert reports about it. It opens with the
 * window's entries, absorbs every later signal of its key until the key has been quiet for a
 * window, and is reported once. Its size is bounded: at most {@link Evidence#MAX_REFERENCES}
 * references, {@link #MAX_VALUES} distinct values and {@link #MAX_ATTRIBUTES} attributes.
 */
public class Incident {
    public static final int MAX_VALUES = 1000;
    public static final int MAX_ATTRIBUTES = 20;

    /** The signal that reached the threshold: its context (owner, region …) goes on the alert. */
    public Signal trigger;

    /** Event time at which the threshold was reached. */
    public long openedAt;

    /** Event time at which the alert goes out. */
    public long reportAt;

    public boolean reported;

    /** {@link #lastSeen} when the alert went out: a burst that went on after is published again. */
    public long reportedLastSeen;

    /** Opened on an {@link Verdict#ABSORB} verdict: another detector reports this burst. */
    public boolean silent;

    public long count;
    public long sum;
    public long firstSeen;
    public long lastSeen;

    /** The first evidence: with the rule, key and first time it makes the alert id. */
    public String firstRef;

    public String[] refs = new String[0];

    /** Distinct values, sorted; at most {@link #MAX_VALUES} (then {@link #valuesCapped}). */
    public String[] values = new String[0];

    public boolean valuesCapped;

    /** Distinct attributes, sorted; at most {@link #MAX_ATTRIBUTES}. */
    public String[] attributes = new String[0];

    public Incident() {}

    static Incident open(BurstWindow w, Signal trigger, boolean silent, long reportAt) {
        Incident i = new Incident();
        i.trigger = trigger;
        i.openedAt = trigger.time;
        i.reportAt = reportAt;
        i.silent = silent;
        i.count = w.count();
        i.sum = w.sum();
        i.firstSeen = w.times[0];
        i.firstRef = w.refs[0];
        i.lastSeen = trigger.time;
        i.refs = distinctAdjacent(w.refs);
        for (int k = 0; k < w.size(); k++) {
            i.addValue(w.values[k]);
            i.addAttribute(w.attributes[k]);
        }
        return i;
    }

    /** An incident that opens with its first signal (a correlation's first match). */
    static Incident first(Signal s, long reportAt) {
        BurstWindow w = new BurstWindow();
        w.add(s, Compaction.NONE);
        return open(w, s, false, reportAt);
    }

    /** A signal of the key after the threshold: it belongs to the same burst. */
    void absorb(Signal s) {
        // the further values of a record already counted (see BurstWindow#add)
        boolean sameEvent = refs.length > 0 && s.sameEventAs(lastSeen, refs[refs.length - 1]);
        if (!sameEvent) {
            count++;
        }
        sum += s.amount;
        lastSeen = Math.max(lastSeen, s.time);
        if (!sameEvent && refs.length < Evidence.MAX_REFERENCES) {
            refs = Arrays.copyOf(refs, refs.length + 1);
            refs[refs.length - 1] = s.ref;
        }
        addValue(s.value);
        addAttribute(s.attribute);
    }

    /** The references in order, each run of one repeated reference once, at most the maximum. */
    private static String[] distinctAdjacent(String[] refs) {
        String[] out = new String[Math.min(refs.length, Evidence.MAX_REFERENCES)];
        int n = 0;
        for (int k = 0; k < refs.length && n < out.length; k++) {
            if (k == 0 || !java.util.Objects.equals(refs[k], refs[k - 1])) {
                out[n++] = refs[k];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Marks the incident reported. */
    public void markReported() {
        reported = true;
        reportedLastSeen = lastSeen;
    }

    /** Distinct values seen; exact unless capped. */
    public int distinctValues() {
        return values.length;
    }

    private void addValue(String v) {
        if (v == null) {
            return;
        }
        int pos = Arrays.binarySearch(values, v);
        if (pos >= 0) {
            return;
        }
        if (values.length >= MAX_VALUES) {
            valuesCapped = true;
            return;
        }
        values = insert(values, -pos - 1, v);
    }

    private void addAttribute(String a) {
        if (a == null) {
            return;
        }
        int pos = Arrays.binarySearch(attributes, a);
        if (pos < 0 && attributes.length < MAX_ATTRIBUTES) {
            attributes = insert(attributes, -pos - 1, a);
        }
    }

    public boolean hasAttribute(String a) {
        return Arrays.binarySearch(attributes, a) >= 0;
    }

    private static String[] insert(String[] a, int pos, String v) {
        String[] out = new String[a.length + 1];
        System.arraycopy(a, 0, out, 0, pos);
        out[pos] = v;
        System.arraycopy(a, pos, out, pos + 1, a.length - pos);
        return out;
    }
}
