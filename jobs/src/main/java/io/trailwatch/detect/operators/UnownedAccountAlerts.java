package io.trailwatch.detect.operators;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.patterns.ActivitySummary;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.detect.windowed.UnownedAccountRule;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * TW-OWN-01: activity in an account that no ownership-table row covers, aggregated per account per
 * event-time window (one hour by default) into one alert with the count.
 */
public final class UnownedAccountAlerts {
    private UnownedAccountAlerts() {}

    /**
     * Folds the window's activities into a summary as they arrive; the window keeps only the
     * summary.
     */
    public static final class Summarize
            implements AggregateFunction<AccountActivity, ActivitySummary, ActivitySummary> {
        @Override
        public ActivitySummary createAccumulator() {
            return new ActivitySummary();
        }

        @Override
        public ActivitySummary add(AccountActivity value, ActivitySummary acc) {
            acc.add(value);
            return acc;
        }

        @Override
        public ActivitySummary getResult(ActivitySummary acc) {
            return acc;
        }

        @Override
        public ActivitySummary merge(ActivitySummary a, ActivitySummary b) {
            a.merge(b);
            return a;
        }
    }

    /** Turns a closed window's summary into the alert. */
    public static final class ToAlert
            extends ProcessWindowFunction<ActivitySummary, Alert, String, TimeWindow> {
        @Override
        public void process(
                String account,
                Context ctx,
                Iterable<ActivitySummary> summaries,
                Collector<Alert> out) {
            for (ActivitySummary s : summaries) {
                out.collect(alert(account, ctx.window(), s));
            }
        }
    }

    static Alert alert(String account, TimeWindow window, ActivitySummary s) {
        RuleInfo rule = UnownedAccountRule.INFO;
        Alert a = new Alert();
        a.alertId = AlertIds.of(rule.id(), account, Long.toString(window.getStart()));
        a.ruleId = rule.id();
        a.title = rule.title() + " (" + account + ")";
        a.severity = rule.severity();
        a.eventTime = s.firstSeen;
        a.detectedAt = System.currentTimeMillis();
        a.account = account;
        a.region = s.firstRegion;
        a.principal = s.firstPrincipal;
        a.resource = account;
        a.owner = Owner.unowned();
        a.responsibility = rule.responsibility();
        a.controls = rule.controls().toArray(new String[0]);
        a.evidence =
                new Evidence(
                        s.count,
                        s.firstSeen,
                        s.lastSeen,
                        s.references,
                        new EvidenceField[] {
                            new EvidenceField("windowStart", AlertJson.iso(window.getStart())),
                            new EvidenceField("windowEnd", AlertJson.iso(window.getEnd())),
                        });
        a.remediation = rule.remediation();
        return a;
    }
}
