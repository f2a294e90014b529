package io.trailwatch.detect.sigma;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstWindow;
import io.trailwatch.detect.windowed.Compaction;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.PatternAlerts;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.Verdict;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting logic of a correlation, run per group by a threshold detector over event time:
 * {@code event_count} counts matches, {@code value_count} distinct values of a field, {@code
 * temporal} distinct rules, and {@code temporal_ordered} looks for the rules' matches in their
 * order, all within the timespan.
 */
final class CorrelationCounting extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    /** The most matches an ordered correlation keeps per group within its timespan. */
    static final int MAX_ORDERED_ENTRIES = 1000;

    private final Correlation c;

    CorrelationCounting(RuleInfo info, Correlation c, WindowedRuleSettings settings) {
        super(c.id(), info, SignalKind.RULE_FILE_MATCH, settings);
        this.c = c;
    }

    @Override
    public Compaction compaction() {
        switch (c.type()) {
            case VALUE_COUNT:
            case TEMPORAL:
                return Compaction.LATEST_PER_VALUE;
            case EVENT_COUNT:
            case VALUE_SUM:
            case VALUE_AVG:
                // one entry per second keeps a busy group's window small; the count and the sum
                // stay exact
                return Compaction.PER_SECOND;
            default:
                return Compaction.NONE;
        }
    }

    @Override
    public boolean admits(Signal s, BurstWindow window) {
        if (c.type() == CorrelationType.TEMPORAL_ORDERED && window.size() >= MAX_ORDERED_ENTRIES) {
            window.evictThrough(window.times[0]);
        }
        return true;
    }

    @Override
    public Verdict judge(BurstWindow w) {
        if (c.decidedAtClose()) {
            return Verdict.NONE;
        }
        return c.type() == CorrelationType.TEMPORAL_ORDERED
                ? (inOrder(w) ? Verdict.ALERT : Verdict.NONE)
                : (holds(w) ? Verdict.ALERT : Verdict.NONE);
    }

    @Override
    public boolean decidesAtClose() {
        return c.decidedAtClose();
    }

    @Override
    public Verdict judgeClosed(BurstWindow w) {
        return holds(w) ? Verdict.ALERT : Verdict.NONE;
    }

    private boolean holds(BurstWindow w) {
        switch (c.type()) {
            case VALUE_SUM:
                return c.condition().holdsSum(w.sum());
            case VALUE_AVG:
                return c.condition().holdsAverage(w.sum(), w.count());
            default:
                return c.condition().holds(count(w));
        }
    }

    /**
     * What the condition counts: matches, or distinct values (or rules), of which the window keeps
     * one entry each (its latest), so that counting them is counting the entries with a value.
     */
    private long count(BurstWindow w) {
        if (c.type() == CorrelationType.EVENT_COUNT) {
            return w.count();
        }
        long distinct = 0;
        for (String v : w.values) {
            if (v != null) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Whether the window holds a match of every rule, each after the previous rule's. */
    private boolean inOrder(BurstWindow w) {
        int next = 0;
        String want = "0";
        for (int i = 0; i < w.size() && next < c.ruleNames().size(); i++) {
            if (want.equals(w.attributes[i])) {
                next++;
                want = Integer.toString(next);
            }
        }
        return next == c.ruleNames().size();
    }

    @Override
    public boolean alerts() {
        return !c.silent();
    }

    @Override
    public List<Signal> feeds(String key, Incident i, String alertId, long time) {
        if (c.feeds().isEmpty()) {
            return List.of();
        }
        String[] groupValues = groupValues(i);
        List<Signal> out = new ArrayList<>(c.feeds().size());
        for (Correlation.Feed f : c.feeds()) {
            StringBuilder k = new StringBuilder(f.readerId()).append(CorrelationKeys.SEPARATOR);
            StringBuilder detail = new StringBuilder();
            for (int g = 0; g < f.groupIndex().length; g++) {
                String v = at(groupValues, f.groupIndex()[g]);
                if (g > 0) {
                    k.append(CorrelationKeys.SEPARATOR);
                    detail.append(CorrelationKeys.SEPARATOR);
                }
                k.append(v);
                detail.append(v);
            }
            if (f.bucketMillis() > 0) {
                k.append(CorrelationKeys.SEPARATOR).append(Math.floorDiv(time, f.bucketMillis()));
            }
            String value =
                    f.valueIndex() >= 0
                            ? at(groupValues, f.valueIndex())
                            : f.readerType() == CorrelationType.EVENT_COUNT
                                    ? null
                                    : Integer.toString(f.ruleIndex());
            Signal t = i.trigger;
            out.add(
                    new Signal(k.toString(), time, alertId)
                            .context(t.account, t.region, t.principal, t.resource, t.owner)
                            .value(value)
                            .attribute(Integer.toString(f.ruleIndex()))
                            .detail(detail.toString()));
        }
        return out;
    }

    private static String[] groupValues(Incident i) {
        return i.trigger.detail == null
                ? new String[0]
                : i.trigger.detail.split(String.valueOf(CorrelationKeys.SEPARATOR), -1);
    }

    private static String at(String[] values, int index) {
        return index < values.length ? values[index] : "";
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        PatternAlerts.Builder b = PatternAlerts.of(this, key, i, info().severity());
        String[] groupValues =
                i.trigger.detail == null
                        ? new String[0]
                        : i.trigger.detail.split(String.valueOf(CorrelationKeys.SEPARATOR), -1);
        List<String> group = new ArrayList<>();
        for (int g = 0; g < c.groupBy().size() && g < groupValues.length; g++) {
            b.field(c.groupBy().get(g), groupValues[g].isEmpty() ? null : groupValues[g]);
            if (!groupValues[g].isEmpty()) {
                group.add(groupValues[g]);
            }
        }
        if (!group.isEmpty()) {
            b.title(String.join(" ", group));
        }
        b.field(
                "correlation",
                c.type().id()
                        + " "
                        + c.condition().text()
                        + (c.decidedAtClose() ? " in the timespan of " : " within ")
                        + io.trailwatch.config.Durations.format(c.timespan()));
        b.field("rules", String.join(", ", c.ruleNames()));
        if (c.type().addsUp()) {
            b.field(
                    c.type() == CorrelationType.VALUE_SUM ? "sum" : "average",
                    c.type() == CorrelationType.VALUE_SUM
                            ? Long.toString(i.sum)
                            : java.math.BigDecimal.valueOf(i.sum)
                                    .divide(
                                            java.math.BigDecimal.valueOf(Math.max(1, i.count)),
                                            2,
                                            java.math.RoundingMode.HALF_UP)
                                    .stripTrailingZeros()
                                    .toPlainString());
            b.field("matches", Long.toString(i.count));
        } else if (c.type() == CorrelationType.VALUE_COUNT) {
            b.field("distinct " + c.valueField(), PatternAlerts.distinct(i));
            b.field(c.valueField(), PatternAlerts.list(i.values, i.valuesCapped));
        } else if (c.type() == CorrelationType.EVENT_COUNT) {
            b.field("matches", Long.toString(i.count));
        }
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
