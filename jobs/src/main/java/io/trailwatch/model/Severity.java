package io.trailwatch.model;

/** Alert severities, most severe first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
