package io.trailwatch.model;

/**
 * What an alert rests on: how many events, over which time, which ones, and the decisive values.
 */
public class Evidence {
    /** Alerts list at most this many event ids or flow tuples. */
    public static final int MAX_REFERENCES = 10;

    public long count;

    /** Epoch milliseconds. */
    public long firstSeen;

    /** Epoch milliseconds. */
    public long lastSeen;

    /**
     * CloudTrail event ids, or flow tuples for flow-log evidence; at most {@link #MAX_REFERENCES}.
     */
    public String[] eventIds;

    public EvidenceField[] fields;

    public Evidence() {}

    public Evidence(
            long count, long firstSeen, long lastSeen, String[] eventIds, EvidenceField[] fields) {
        this.count = count;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.eventIds = eventIds;
        this.fields = fields;
    }
}
