package io.trailwatch.cli;

/**
 * The replay's throughput once it is warm: records per second after the first {@link
 * #WARM_UP_SECONDS}, which include starting the embedded cluster, loading classes and compiling the
 * hot code. The whole-run figure hides that on short inputs; the steady one is what a long-running
 * job does per core, and what the parse limit (also measured warm) compares with.
 */
final class SteadyRate {
    static final double WARM_UP_SECONDS = 10;

    private double warmAt = Double.NaN;
    private long warmRecords;

    /**
     * A running total from the job's accumulators. They reach the client with each heartbeat, so
     * the count may lag its time by up to a heartbeat (1 s), which overstates the rate by at most
     * that second's share of the steady part.
     */
    void sample(double seconds, long records) {
        if (Double.isNaN(warmAt) && seconds >= WARM_UP_SECONDS && records > 0) {
            warmAt = seconds;
            warmRecords = records;
        }
    }

    /**
     * Records per second after the warm-up, or NaN when the steady part is shorter than the warm-up
     * and so says little.
     */
    double recordsPerSecond(double totalSeconds, long totalRecords) {
        double steadySeconds = totalSeconds - warmAt;
        if (Double.isNaN(warmAt) || steadySeconds < WARM_UP_SECONDS) {
            return Double.NaN;
        }
        return (totalRecords - warmRecords) / steadySeconds;
    }
}
