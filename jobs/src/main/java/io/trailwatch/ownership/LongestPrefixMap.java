package io.trailwatch.ownership;

import java.util.Map;
import java.util.TreeMap;

/**
 * Strings to values, looked up by the longest key that is a prefix of a given string (ARN-prefix
 * rows such as {@code arn:aws:iam::111122223333:role/payments-*}). A sorted map answers in a few
 * probes however many keys there are, where trying every prefix would cost one comparison per row.
 */
final class LongestPrefixMap<V> {
    private final TreeMap<String, V> sorted = new TreeMap<>();

    /** Adds a key; the first value given for a key stays. */
    void putIfAbsent(String prefix, V value) {
        sorted.putIfAbsent(prefix, value);
    }

    boolean isEmpty() {
        return sorted.isEmpty();
    }

    /**
     * The value of the longest key that {@code s} starts with, or {@code null}.
     *
     * <p>The longest such key P sorts at or below s, and so does every string between P and s, each
     * of which starts with P. So the greatest key at or below s is either P itself or a key that
     * shares with s a common prefix that still starts with P: cutting s to that common prefix keeps
     * P the answer and shortens s every round.
     */
    V longestPrefixOf(String s) {
        String rest = s;
        while (true) {
            Map.Entry<String, V> floor = sorted.floorEntry(rest);
            if (floor == null) {
                return null;
            }
            String key = floor.getKey();
            if (rest.startsWith(key)) {
                return floor.getValue();
            }
            int common = 0;
            int max = Math.min(rest.length(), key.length());
            while (common < max && rest.charAt(common) == key.charAt(common)) {
                common++;
            }
            rest = rest.substring(0, common);
        }
    }
}
