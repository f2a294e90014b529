package io.trailwatch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The event times a record may carry: from 2000 (before CloudTrail and flow logs existed) to a
 * horizon past the wall clock. Logs describe the past, in a replay as in production, so a record
 * from the future is damage, and one such record would otherwise move event time ahead and make
 * every genuine record after it late. The horizon allows for clocks that disagree.
 */
public final class EventTimeRange {
    /** 2000-01-01T00:00:00Z. */
    public static final long EARLIEST_MILLIS = 946_684_800_000L;

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(1);

    private final long horizonMillis;
    private final LongSupplier wallClock;
    private long latestMillis;

    private EventTimeRange(long horizonMillis, LongSupplier wallClock) {
        this.horizonMillis = horizonMillis;
        this.wallClock = wallClock;
        refresh();
    }

    /** Records up to {@code horizon} after the wall clock are in range. */
    public static EventTimeRange upTo(Duration horizon) {
        return new EventTimeRange(horizon.toMillis(), System::currentTimeMillis);
    }

    /** For tests: a fixed wall clock. */
    static EventTimeRange at(long nowMillis, Duration horizon) {
        return new EventTimeRange(horizon.toMillis(), () -> nowMillis);
    }

    /**
     * Reads the wall clock again; called once per raw record (a run of lines, a log file, a Kinesis
     * record) rather than per event.
     */
    public void refresh() {
        latestMillis = saturatedAdd(wallClock.getAsLong(), horizonMillis);
    }

    public boolean contains(long epochMillis) {
        return epochMillis >= EARLIEST_MILLIS && epochMillis <= latestMillis;
    }

    /**
     * Whether whole epoch seconds are in range (checked before any multiplication can overflow).
     */
    public boolean containsSeconds(long epochSeconds) {
        return epochSeconds >= EARLIEST_MILLIS / 1000 && epochSeconds <= latestMillis / 1000;
    }

    public Duration horizon() {
        return Duration.ofMillis(horizonMillis);
    }

    /** Why {@code what} is out of range, for a dead letter. */
    public String explain(String what) {
        return what
                + " is outside the accepted range "
                + Instant.ofEpochMilli(EARLIEST_MILLIS)
                + " to "
                + Instant.ofEpochMilli(latestMillis)
                + " (the wall clock plus "
                + horizon()
                + ")";
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
