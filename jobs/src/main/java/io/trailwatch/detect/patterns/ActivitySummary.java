package io.trailwatch.detect.patterns;

import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.model.Evidence;
import java.util.Arrays;

/**
 * Count, time span and the earliest references of a group of activities. Which references are kept,
 * and which activity counts as first, depend only on event times and references, never on arrival
 * order, so that alerts come out the same for sorted and shuffled input.
 */
public class ActivitySummary {
    public long count;
    public long firstSeen = Long.MAX_VALUE;
    public long lastSeen = Long.MIN_VALUE;
    public String firstRegion;
    public String firstPrincipal;
    public String firstReference;

    /**
     * The earliest references, ordered by (time, reference); at most {@link
     * Evidence#MAX_REFERENCES}.
     */
    public String[] references = new String[0];

    public long[] referenceTimes = new long[0];

    public ActivitySummary() {}

    public void add(AccountActivity a) {
        count++;
        lastSeen = Math.max(lastSeen, a.eventTime);
        if (a.eventTime < firstSeen
                || a.eventTime == firstSeen && compare(a.reference, firstReference) < 0) {
            firstSeen = a.eventTime;
            firstRegion = a.region;
            firstPrincipal = a.principal;
            firstReference = a.reference;
        }
        keepEarliest(a.eventTime, a.reference);
    }

    public void merge(ActivitySummary other) {
        if (other.count == 0) {
            return;
        }
        if (other.firstSeen < firstSeen
                || other.firstSeen == firstSeen
                        && compare(other.firstReference, firstReference) < 0) {
            firstSeen = other.firstSeen;
            firstRegion = other.firstRegion;
            firstPrincipal = other.firstPrincipal;
            firstReference = other.firstReference;
        }
        count += other.count;
        lastSeen = Math.max(lastSeen, other.lastSeen);
        for (int i = 0; i < other.references.length; i++) {
            keepEarliest(other.referenceTimes[i], other.references[i]);
        }
    }

    private void keepEarliest(long time, String reference) {
        int n = references.length;
        int pos = n;
        while (pos > 0
                && (referenceTimes[pos - 1] > time
                        || referenceTimes[pos - 1] == time
                                && compare(references[pos - 1], reference) > 0)) {
            pos--;
        }
        if (pos >= Evidence.MAX_REFERENCES) {
            return;
        }
        int newSize = Math.min(n + 1, Evidence.MAX_REFERENCES);
        String[] refs = Arrays.copyOf(references, newSize);
        long[] times = Arrays.copyOf(referenceTimes, newSize);
        for (int i = newSize - 1; i > pos; i--) {
            refs[i] = refs[i - 1];
            times[i] = times[i - 1];
        }
        refs[pos] = reference;
        times[pos] = time;
        references = refs;
        referenceTimes = times;
    }

    private static int compare(String a, String b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }
}
