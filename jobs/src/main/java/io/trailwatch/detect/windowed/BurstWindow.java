package io.trailwatch.detect.windowed;

import io.trailwatch.detect.signals.Signal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries of one key's sliding window, oldest first, as parallel arrays (a Flink POJO without
 * Kryo). Signals are added in event-time order, so eviction removes a prefix. Compaction keeps it
 * small: see {@link Compaction}.
 */
public class BurstWindow {
    public long[] times = new long[0];
    public String[] refs = new String[0];
    public String[] values = new String[0];
    public String[] attributes = new String[0];
    public long[] amounts = new long[0];

    /** How many signals each entry stands for (more than one after compaction). */
    public long[] counts = new long[0];

    public BurstWindow() {}

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** Adds a signal no older than any entry. */
    public void add(Signal s, Compaction compaction) {
        int n = times.length;
        if (compaction == Compaction.PER_SECOND && n > 0 && times[n - 1] / 1000 == s.time / 1000) {
            amounts[n - 1] += s.amount;
            counts[n - 1]++;
            return;
        }
        long carried = 0;
        if (compaction == Compaction.LATEST_PER_VALUE) {
            for (int i = 0; i < n; i++) {
                if (Objects.equals(values[i], s.value)) {
                    carried = counts[i];
                    remove(i);
                    break;
                }
            }
        }
        n = times.length;
        times = Arrays.copyOf(times, n + 1);
        refs = Arrays.copyOf(refs, n + 1);
        values = Arrays.copyOf(values, n + 1);
        attributes = Arrays.copyOf(attributes, n + 1);
        amounts = Arrays.copyOf(amounts, n + 1);
        counts = Arrays.copyOf(counts, n + 1);
        times[n] = s.time;
        refs[n] = s.ref;
        values[n] = s.value;
        attributes[n] = s.attribute;
        amounts[n] = s.amount;
        // a record that gives several values (one call naming many instances) is one signal per
        // value, but one event: its further entries count nothing
        boolean sameEvent = n > 0 && s.sameEventAs(times[n - 1], refs[n - 1]);
        counts[n] = carried + (sameEvent ? 0 : 1);
    }

    /** Drops the entries at or before {@code cutoff}: they are no longer "within" the window. */
    public void evictThrough(long cutoff) {
        int keep = 0;
        while (keep < times.length && times[keep] <= cutoff) {
            keep++;
        }
        if (keep == 0) {
            return;
        }
        times = Arrays.copyOfRange(times, keep, times.length);
        refs = Arrays.copyOfRange(refs, keep, refs.length);
        values = Arrays.copyOfRange(values, keep, values.length);
        attributes = Arrays.copyOfRange(attributes, keep, attributes.length);
        amounts = Arrays.copyOfRange(amounts, keep, amounts.length);
        counts = Arrays.copyOfRange(counts, keep, counts.length);
    }

    public void clear() {
        evictThrough(Long.MAX_VALUE);
    }

    /** Signals in the window. */
    public long count() {
        long c = 0;
        for (long x : counts) {
            c += x;
        }
        return c;
    }

    public long sum() {
        long s = 0;
        for (long x : amounts) {
            s += x;
        }
        return s;
    }

    /** Distinct non-null values in the window, sorted. */
    public Set<String> distinctValues() {
        Set<String> out = new TreeSet<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Distinct values among the entries later than {@code after}. */
    public Set<String> distinctValuesAfter(long after) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < times.length; i++) {
            if (times[i] > after && values[i] != null) {
                out.add(values[i]);
            }
        }
        return out;
    }

    /** How many distinct prefixes (up to the first {@code separator}) the values have. */
    public int distinctPrefixes(char separator) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (v != null) {
                int i = v.indexOf(separator);
                out.add(i < 0 ? v : v.substring(0, i));
            }
        }
        return out.size();
    }

    /** The most signals any single value accounts for. */
    public long maxCountPerValue() {
        Map<String, Long> per = new HashMap<>();
        long max = 0;
        for (int i = 0; i < values.length; i++) {
            long c = per.merge(String.valueOf(values[i]), counts[i], Long::sum);
            max = Math.max(max, c);
        }
        return max;
    }

    /** Time of the latest entry whose attribute is the given one, or -1. */
    public long latestWithAttribute(String attribute) {
        for (int i = times.length - 1; i >= 0; i--) {
            if (attribute.equals(attributes[i])) {
                return times[i];
            }
        }
        return -1;
    }

    private void remove(int i) {
        times = without(times, i);
        amounts = without(amounts, i);
        counts = without(counts, i);
        refs = without(refs, i);
        values = without(values, i);
        attributes = without(attributes, i);
    }

    private static long[] without(long[] a, int i) {
        long[] out = new long[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private static String[] without(String[] a, int i) {
        String[] out = new String[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }
}
