package io.trailwatch.cli;

import io.trailwatch.pipeline.Counters;
import java.io.PrintStream;
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
    private final Path out;
    private final Path deadLetters;

    ReplaySummary(
            InputFiles inputs,
            Map<String, Object> counters,
            double seconds,
            Path out,
            Path deadLetters) {
        this.inputs = inputs;
        this.counters = new TreeMap<>(counters);
        this.seconds = seconds;
        this.out = out;
        this.deadLetters = deadLetters;
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
                + longValue(acc, Counters.DEAD_LETTERS);
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
        err.printf("  CloudTrail records    %,d%n", count(Counters.CLOUDTRAIL_RECORDS));
        err.printf(
                "  flow records          %,d (+ %,d NODATA, %,d SKIPDATA counted, not analysed)%n",
                count(Counters.FLOW_RECORDS),
                count(Counters.FLOW_NODATA),
                count(Counters.FLOW_SKIPDATA));
        if (count(Counters.CLOUDWATCH_CONTROL) > 0) {
            err.printf(
                    "  CloudWatch control    %,d (skipped)%n", count(Counters.CLOUDWATCH_CONTROL));
        }
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
    }
}
