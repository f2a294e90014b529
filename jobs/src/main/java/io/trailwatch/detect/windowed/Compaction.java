package io.trailwatch.detect.windowed;

/**
 * How a window folds its entries so that its size stays bounded by the rule's threshold (or by the
 * window's length in seconds) whatever the traffic.
 */
public enum Compaction {
    /** Every signal is an entry: for rules that count signals (the count stays below the limit). */
    NONE,
    /**
     * One entry per value, at its latest time: for rules that count distinct values; a value is in
     * the window exactly when its latest occurrence is.
     */
    LATEST_PER_VALUE,
    /** One entry per second, amounts added up: for rules that add bytes. */
    PER_SECOND
}
