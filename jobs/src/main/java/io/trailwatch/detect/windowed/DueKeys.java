package io.trailwatch.detect.windowed;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which keys hold signals back until which due time: the detector's index of its pending state. The
 * signals themselves are in keyed state, which is checkpointed; this index is not, and is built
 * again from that state's namespaces on restore. It takes the place of a timer per key and due
 * time, whose registration and removal cost more than the rule itself on a busy stream.
 */
public final class DueKeys {
    private final TreeMap<Long, Set<String>> byDue = new TreeMap<>();

    // signals mostly come in time order, so most share the due time of the one before
    private long lastDue = Long.MIN_VALUE;
    private Set<String> lastKeys;

    public void add(long due, String key) {
        if (lastKeys == null || due != lastDue) {
            lastKeys = byDue.computeIfAbsent(due, d -> new HashSet<>());
            lastDue = due;
        }
        lastKeys.add(key);
    }

    /** The earliest due time, or {@link Long#MAX_VALUE} when nothing is held. */
    public long firstDue() {
        return byDue.isEmpty() ? Long.MAX_VALUE : byDue.firstKey();
    }

    /** Removes and returns the keys of the earliest due time. */
    public Collection<String> takeFirst() {
        Map.Entry<Long, Set<String>> first = byDue.pollFirstEntry();
        if (first.getKey() == lastDue) {
            lastKeys = null;
        }
        return first.getValue();
    }

    public boolean isEmpty() {
        return byDue.isEmpty();
    }
}
