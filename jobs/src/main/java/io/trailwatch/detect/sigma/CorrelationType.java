package io.trailwatch.detect.sigma;

/** The correlation types of the Sigma correlation specification. */
enum CorrelationType {
    EVENT_COUNT("event_count"),
    VALUE_COUNT("value_count"),
    TEMPORAL("temporal"),
    TEMPORAL_ORDERED("temporal_ordered");

    private final String id;

    CorrelationType(String id) {
        this.id = id;
    }

    String id() {
        return id;
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
