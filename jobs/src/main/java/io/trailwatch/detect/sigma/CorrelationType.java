package io.trailwatch.detect.sigma;

/** The correlation types of the Sigma correlation specification. */
enum CorrelationType {
    EVENT_COUNT("event_count"),
    VALUE_COUNT("value_count"),
    VALUE_SUM("value_sum"),
    VALUE_AVG("value_avg"),
    TEMPORAL("temporal"),
    TEMPORAL_ORDERED("temporal_ordered");

    private final String id;

    CorrelationType(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Whether the type counts a field of the matches (distinct values, their sum or average). */
    boolean readsField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG;
    }

    /** Whether the type adds up a numeric field. */
    boolean addsUp() {
        return this == VALUE_SUM || this == VALUE_AVG;
    }

    static CorrelationType of(String id) {
        for (CorrelationType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
