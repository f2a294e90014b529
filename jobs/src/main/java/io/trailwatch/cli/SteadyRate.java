package io.trailwatch.cli;

import java.lang.management.ManagementFactory;

/**
 * The replay's throughput once it is warm: records per second after its first {@link
 * #WARM_UP_SECONDS} of reading records, in which classes are loaded and the hot code compiled. The
 * time before the first record (starting the embedded cluster, ordering the files) is no part of
 * it. The whole-run figure hides all that on short inputs; the steady one is what a long-running
 * job does per core, and what the parse limit (also measured warm) compares with.
 */
final class SteadyRate {
    /**
     * On the benchmark's input at parallelism 1 the C2 compiler thread still took a third of a core
     * in the five seconds after the 20th second of reading, a fifth after the 25th and under a
     * tenth after the 30th (BENCHMARKS.md).
     */
    static final double WARM_UP_SECONDS = 30;

    /** The shortest steady part worth a figure. */
    static final double MIN_STEADY_SECONDS = 10;

    private double firstRecordAt = Double.NaN;
    private double warmAt = Double.NaN;
    private long warmRecords;
    private long warmCpuNanos;
    private long endCpuNanos = -1;

    /**
     * A running total from the job's accumulators. They reach the client with each heartbeat, so
     * the count may lag its time by up to a heartbeat (1 s), which overstates the rate by at most
     * that second's share of the steady part.
     */
    void sample(double seconds, long records) {
        if (Double.isNaN(firstRecordAt) && records > 0) {
            firstRecordAt = seconds;
        }
        if (Double.isNaN(warmAt)
                && !Double.isNaN(firstRecordAt)
                && seconds - firstRecordAt >= WARM_UP_SECONDS) {
            warmAt = seconds;
            warmRecords = records;
            warmCpuNanos = processCpuNanos();
        }
    }

    /**
     * Records per second of CPU time after the warm-up: per core, whatever the parallelism and
     * however many threads (sources, detectors, garbage collection, the JIT) did the work. NaN
     * where {@link #recordsPerSecond} is, or when the JVM does not tell its CPU time.
     */
    double recordsPerCpuSecond(double totalSeconds, long totalRecords) {
        if (Double.isNaN(recordsPerSecond(totalSeconds, totalRecords)) || endCpuNanos < 0) {
            return Double.NaN;
        }
        return (totalRecords - warmRecords) / ((endCpuNanos - warmCpuNanos) / 1e9);
    }

    /** The job is over: what the process has spent until now is the run's. */
    void end() {
        endCpuNanos = processCpuNanos();
    }

    /** CPU time of the whole process (the embedded cluster runs in it), or -1. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Records per second after the warm-up, or NaN when the steady part is shorter than the warm-up
     * and so says little.
     */
    double recordsPerSecond(double totalSeconds, long totalRecords) {
        double steadySeconds = totalSeconds - warmAt;
        if (Double.isNaN(warmAt) || steadySeconds < MIN_STEADY_SECONDS) {
            return Double.NaN;
        }
        return (totalRecords - warmRecords) / steadySeconds;
    }
}
