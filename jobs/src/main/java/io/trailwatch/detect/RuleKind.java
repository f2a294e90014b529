package io.trailwatch.detect;

/** How a rule decides, which says where it runs in the job. */
public enum RuleKind {
    /** One CloudTrail event (and the ownership table) decides, in the analysis step. */
    STATELESS("stateless"),
    /**
     * A count over an event-time window of one key reaches a threshold, in a threshold detector.
     */
    WINDOWED("windowed"),
    /** Two streams of signals are joined per key over event time, in an operator of its own. */
    CORRELATION("correlation"),
    /** Activity per key is summed over fixed event-time windows. */
    AGGREGATE("aggregate");

    private final String id;

    RuleKind(String id) {
        this.id = id;
    }

    /** The name used in the catalog and on the command line. */
    public String id() {
        return id;
    }
}
