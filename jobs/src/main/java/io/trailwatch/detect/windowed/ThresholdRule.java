package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The decision logic of one windowed detector, without Flink: which signals it reads, how its
 * window folds them, when the threshold is reached, and what the alert says. The detector operator
 * ({@code ThresholdDetector}) runs it per key over event time.
 */
public abstract class ThresholdRule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final RuleInfo info;
    private final SignalKind input;
    private final long windowMillis;
    private final long latenessMillis;
    private final long reportDelayMillis;
    private final long maxIncidentMillis;

    /**
     * @param name the detector's name, unique among detectors: the rule id, plus a variant when a
     *     rule has several detectors (it names the operator and goes into alert ids)
     */
    protected ThresholdRule(
            String name,
            RuleInfo info,
            SignalKind input,
            WindowedRuleSettings settings,
            Duration window) {
        this.name = name;
        this.info = info;
        this.input = input;
        this.windowMillis = window.toMillis();
        this.latenessMillis = settings.lateness.toMillis();
        this.reportDelayMillis = settings.reportDelay.toMillis();
        this.maxIncidentMillis = Math.max(settings.maxIncident.toMillis(), windowMillis);
    }

    protected ThresholdRule(
            String name, RuleInfo info, SignalKind input, WindowedRuleSettings settings) {
        this(name, info, input, settings, settings.window);
    }

    public String name() {
        return name;
    }

    public RuleInfo info() {
        return info;
    }

    public SignalKind input() {
        return input;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** Extra lateness beyond the watermark that the rule waits for. */
    public long latenessMillis() {
        return latenessMillis;
    }

    public long reportDelayMillis() {
        return reportDelayMillis;
    }

    /** The longest an incident lasts (at least the window). */
    public long maxIncidentMillis() {
        return maxIncidentMillis;
    }

    public Compaction compaction() {
        return Compaction.NONE;
    }

    /**
     * Whether the rule counts this kind of signal at all, below the threshold or in an open
     * incident (e.g. only downloads, not listings, count towards a download volume).
     */
    public boolean relevant(Signal s) {
        return true;
    }

    /**
     * Whether a signal below the threshold enters the window at all (e.g. reads before any listing
     * do not count for "lists buckets, then reads").
     */
    public boolean admits(Signal s, BurstWindow window) {
        return true;
    }

    /** Judges the window after a signal was added. */
    public abstract Verdict judge(BurstWindow window);

    /**
     * Whether the rule decides a key's window only once it is complete (a count bounded from
     * above): then {@link #judgeClosed} judges it when the key has been quiet for a window.
     */
    public boolean decidesAtClose() {
        return false;
    }

    /** Judges a complete window, for a rule that {@link #decidesAtClose}. */
    public Verdict judgeClosed(BurstWindow window) {
        return Verdict.NONE;
    }

    /**
     * Whether the rule's reports are alerts. A rule that only feeds others (a correlation another
     * correlation reads, without {@code generate: true}) reports without alerting.
     */
    public boolean alerts() {
        return true;
    }

    /**
     * The signals a report of the rule gives the rules that count its reports (correlations of
     * correlations), at the report's time; most rules feed none.
     */
    public List<Signal> feeds(String key, Incident incident, String alertId, long time) {
        return List.of();
    }

    /** The alert for an incident of the key. */
    public abstract Alert alert(String key, Incident incident, long detectedAt);

    /** The key's parts, as the signal extractors joined them with spaces. */
    protected static String[] keyParts(String key) {
        return key.split(" ");
    }
}
