package io.trailwatch.detect.sigma;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A correlation run over a few records the way the job runs it: the analysis step's {@link
 * CorrelationInputs} turn matches into signals, the correlation's detector takes the signals whose
 * key has its prefix and offers them, in {@link Signal#ORDER}, to each key's {@link BurstState}.
 * The correlation alerts when an incident opens.
 */
final class CorrelationReplay {
    /** Whether it alerted, and what it saw, to explain a failed case. */
    record Outcome(boolean alerted, int signals, int keys) {}

    private CorrelationReplay() {}

    /**
     * @param records in event-time order
     */
    static Outcome run(CorrelationSet set, SigmaCorrelationRule rule, List<Object> records) {
        List<Signal> signals = matches(set, rule, records);
        List<Report> reports = reports(rule, signals);
        return new Outcome(!reports.isEmpty(), signals.size(), keys(signals));
    }

    /** A report of a correlation: its key, incident, alert id and the time it went out. */
    private record Report(String key, Incident incident, String alertId, long time) {}

    /**
     * The matches a correlation counts: its rules' matches, or for a correlation of correlations,
     * what the reports of the correlations it reads feed it.
     */
    private static List<Signal> matches(
            CorrelationSet set, SigmaCorrelationRule rule, List<Object> records) {
        String prefix = rule.keyPrefix();
        List<Signal> signals = new ArrayList<>();
        if (rule.depth() == 1) {
            CorrelationInputs inputs = set.inputs(Set.of());
            for (Object r : records) {
                if (r instanceof CloudTrailEvent e) {
                    inputs.extract(e, (kind, s) -> keep(s, prefix, signals));
                } else {
                    inputs.extract((FlowRecord) r, (kind, s) -> keep(s, prefix, signals));
                }
            }
        } else {
            for (SigmaCorrelationRule inner : set.rules()) {
                if (inner.depth() != 1
                        || inner.correlation().feeds().stream()
                                .noneMatch(f -> f.readerId().equals(rule.info().id()))) {
                    continue;
                }
                for (ThresholdRule detector : inner.detectors(inner.info().defaultSettings())) {
                    for (Report r : reports(detector, matches(set, inner, records))) {
                        for (Signal fed : detector.feeds(r.key, r.incident, r.alertId, r.time)) {
                            keep(fed, prefix, signals);
                        }
                    }
                }
            }
        }
        signals.sort(Signal.ORDER);
        return signals;
    }

    private static List<Report> reports(SigmaCorrelationRule rule, List<Signal> signals) {
        List<Report> out = new ArrayList<>();
        for (ThresholdRule detector : rule.detectors(rule.info().defaultSettings())) {
            out.addAll(reports(detector, signals));
        }
        return out;
    }

    /**
     * The reports of one detector over matches in event-time order: each incident that opens, at
     * its report time, and each window judged when it closes, at the end of the records.
     */
    private static List<Report> reports(ThresholdRule detector, List<Signal> signals) {
        List<Report> out = new ArrayList<>();
        Map<String, BurstState> states = new HashMap<>();
        for (Signal s : signals) {
            BurstState st = states.computeIfAbsent(s.key, k -> new BurstState());
            // the key's clock runs to just before the match, as the detector's timers run it
            Incident ended = st.expire(s.time - 1, detector);
            if (ended != null && !ended.silent && !ended.reported) {
                out.add(report(detector, s.key, ended, ended.lastSeen + detector.windowMillis()));
            }
            Incident opened = st.offer(s, detector);
            if (opened != null && !opened.silent) {
                out.add(report(detector, s.key, opened, opened.reportAt));
                opened.markReported();
            }
        }
        // the end of the records: every window closes, as the job's timers close them
        for (Map.Entry<String, BurstState> e : states.entrySet()) {
            Incident ended = e.getValue().expire(Long.MAX_VALUE / 2, detector);
            if (ended != null && !ended.silent && !ended.reported) {
                out.add(
                        report(
                                detector,
                                e.getKey(),
                                ended,
                                ended.lastSeen + detector.windowMillis()));
            }
        }
        return out;
    }

    private static Report report(ThresholdRule detector, String key, Incident i, long time) {
        return new Report(key, i, detector.alert(key, i, 0L).alertId, time);
    }

    private static int keys(List<Signal> signals) {
        return (int) signals.stream().map(s -> s.key).distinct().count();
    }

    private static void keep(Signal s, String prefix, List<Signal> signals) {
        if (s.key.startsWith(prefix)) {
            signals.add(s);
        }
    }
}
