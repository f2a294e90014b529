package io.trailwatch.cli;

import io.trailwatch.metrics.Counters;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-of-replay summary: records read per kind, dead letters, alerts per rule and severity,
 * throughput.
 */
public final class ReplaySummary {
    private final InputFiles inputs;
    private final Map<String, Object> counters;
    private final double seconds;
    private final SteadyRate steady;
    private final Path out;
    private final Path deadLetters;
    private final long undelivered;
    private final Path undeliveredFile;

    /**
     * @param undelivered alerts that could not be delivered, or -1 when nothing was delivered
     */
    ReplaySummary(
            InputFiles inputs,
            Map<String, Object> counters,
            double seconds,
            SteadyRate steady,
            Path out,
            Path deadLetters,
            long undelivered,
            Path undeliveredFile) {
        this.inputs = inputs;
        this.counters = new TreeMap<>(counters);
        this.seconds = seconds;
        this.steady = steady;
        this.out = out;
        this.deadLetters = deadLetters;
        this.undelivered = undelivered;
        this.undeliveredFile = undeliveredFile;
    }

    public long count(String name) {
        return longValue(counters, name);
    }

    /** Every input record that was read: decoded, skipped or dead-lettered. */
    static long recordsRead(Map<String, Object> acc) {
        return longValue(acc, Counters.CLOUDTRAIL_RECORDS)
                + longValue(acc, Counters.FLOW_RECORDS)
                + longValue(acc, Counters.FLOW_NODATA)
                + longValue(acc, Counters.FLOW_SKIPDATA)
                + longValue(acc, Counters.CLOUDWATCH_CONTROL)
                + longValue(acc, Counters.CLOUDTRAIL_INSIGHTS)
                + longValue(acc, Counters.CLOUDTRAIL_DIGESTS)
                + longValue(acc, Counters.DEAD_LETTERS);
    }

    /**
     * The embedded cluster runs in this JVM: the peak of its heap pools is the replay's peak heap.
     */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static long longValue(Map<String, Object> acc, String name) {
        Object v = acc.get(name);
        return v instanceof Number ? ((Number) v).longValue() : 0L;
    }

    public void print(PrintStream err) {
        long records = recordsRead(counters);
        err.println();
        err.println("Trailwatch replay summary");
        err.printf(
                "  input files           %,d (%,.1f MB)%n", inputs.count(), inputs.bytes() / 1e6);
        if (!inputs.skipped().isEmpty()) {
            err.printf(
                    "  skipped paths         %,d (not read; each named above)%n",
                    inputs.skipped().size());
        }
        err.printf("  CloudTrail records    %,d%n", count(Counters.CLOUDTRAIL_RECORDS));
        if (count(Counters.CLOUDTRAIL_INSIGHTS) + count(Counters.CLOUDTRAIL_DIGESTS) > 0) {
            err.printf(
                    "  CloudTrail other      %,d Insights events, %,d digest files (counted, not"
                            + " analysed)%n",
                    count(Counters.CLOUDTRAIL_INSIGHTS), count(Counters.CLOUDTRAIL_DIGESTS));
        }
        err.printf(
                "  flow records          %,d (+ %,d NODATA, %,d SKIPDATA counted, not analysed)%n",
                count(Counters.FLOW_RECORDS),
                count(Counters.FLOW_NODATA),
                count(Counters.FLOW_SKIPDATA));
        if (count(Counters.CLOUDWATCH_CONTROL) > 0) {
            err.printf(
                    "  CloudWatch control    %,d (skipped)%n", count(Counters.CLOUDWATCH_CONTROL));
        }
        long decoded = count(Counters.CLOUDTRAIL_RECORDS) + count(Counters.FLOW_RECORDS);
        long skipped =
                count(Counters.FLOW_NODATA)
                        + count(Counters.FLOW_SKIPDATA)
                        + count(Counters.CLOUDWATCH_CONTROL)
                        + count(Counters.CLOUDTRAIL_INSIGHTS)
                        + count(Counters.CLOUDTRAIL_DIGESTS);
        err.printf(
                "  records seen          %,d = %,d decoded + %,d dead letters + %,d skipped%n",
                records, decoded, count(Counters.DEAD_LETTERS), skipped);
        err.printf(
                "  dead letters          %,d%s%n",
                count(Counters.DEAD_LETTERS),
                deadLetters != null && count(Counters.DEAD_LETTERS) > 0
                        ? " (written to " + deadLetters + ")"
                        : "");
        counters.forEach(
                (name, value) -> {
                    if (name.startsWith(Counters.DEAD_LETTER_REASON)) {
                        err.printf(
                                "    %-26s %,d%n",
                                name.substring(Counters.DEAD_LETTER_REASON.length()), value);
                    }
                });
        long alerts = 0;
        StringBuilder perRule = new StringBuilder();
        for (Map.Entry<String, Object> e : counters.entrySet()) {
            if (e.getKey().startsWith(Counters.ALERTS)) {
                String[] parts = e.getKey().substring(Counters.ALERTS.length()).split("\\.");
                long n = ((Number) e.getValue()).longValue();
                alerts += n;
                perRule.append(String.format("    %-13s %-9s %,d%n", parts[0], parts[1], n));
            }
        }
        err.printf(
                "  alerts                %,d%s%n",
                alerts, out != null ? " (written to " + out + ")" : "");
        err.print(perRule);
        if (count(Counters.DEDUP_SUPPRESSED) > 0) {
            err.printf(
                    "  repeats suppressed    %,d (folded into %,d follow-up alerts)%n",
                    count(Counters.DEDUP_SUPPRESSED), count(Counters.DEDUP_FOLLOW_UPS));
        }
        if (undelivered >= 0) {
            err.printf(
                    "  delivery              %,d messages routed to SNS, %,d to Slack; %,d undeliverable%s%n",
                    count(Counters.DELIVERIES + "sns"),
                    count(Counters.DELIVERIES + "slack"),
                    undelivered,
                    undeliveredFile != null && undelivered > 0
                            ? " (written to " + undeliveredFile + ")"
                            : "");
        }
        counters.forEach(
                (name, value) -> {
                    if (name.startsWith(Counters.LATE_RECORDS)) {
                        err.printf(
                                "  late records          %,d for %s (later than the allowed lateness; raise --lateness"
                                        + " or replay files in time order)%n",
                                value, name.substring(Counters.LATE_RECORDS.length()));
                    }
                });
        err.printf(
                "  throughput            %,.0f records/s (%,d records in %.1f s)%n",
                records / Math.max(seconds, 1e-3), records, seconds);
        double warm = steady.recordsPerSecond(seconds, records);
        if (!Double.isNaN(warm)) {
            err.printf(
                    "  steady throughput     %,.0f records/s (after its first %.0f s of reading records)%n",
                    warm, SteadyRate.WARM_UP_SECONDS);
            err.printf(
                    "                        %,.0f records per CPU-second (all threads)%n",
                    steady.recordsPerCpuSecond(seconds, records));
        }
        err.printf("  peak heap             %,d MB%n", peakHeapBytes() / (1024 * 1024));
    }
}
