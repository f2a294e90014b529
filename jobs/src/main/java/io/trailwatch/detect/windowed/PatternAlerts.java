package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the alerts of the windowed rules: ids, context and evidence in one way. */
public final class PatternAlerts {
    /** How many values an evidence list shows (the count next to it stays exact). */
    static final int SHOWN_VALUES = 25;

    private PatternAlerts() {}

    /** An alert under construction. */
    public static final class Builder {
        private final Alert a = new Alert();
        private final List<EvidenceField> fields = new ArrayList<>();

        private Builder(RuleInfo rule, String alertId, Signal context, Severity severity) {
            a.alertId = alertId;
            a.ruleId = rule.id();
            a.title = rule.title();
            a.severity = severity;
            a.account = context.account;
            a.region = context.region;
            a.principal = context.principal;
            a.resource = context.resource;
            a.owner = context.owner != null ? context.owner : Owner.unowned();
            a.responsibility = rule.responsibility();
            a.controls = rule.controls().toArray(new String[0]);
            a.remediation = rule.remediation();
        }

        public Builder title(String detail) {
            a.title = a.title + ": " + detail;
            return this;
        }

        public Builder principal(String principal) {
            a.principal = principal;
            return this;
        }

        public Builder resource(String resource) {
            a.resource = resource;
            return this;
        }

        public Builder field(String name, Object value) {
            if (value != null) {
                fields.add(new EvidenceField(name, String.valueOf(value)));
            }
            return this;
        }

        public Alert evidence(long count, long first, long last, String[] refs, long detectedAt) {
            a.eventTime = first;
            a.detectedAt = detectedAt;
            a.evidence =
                    new Evidence(
                            count,
                            first,
                            last,
                            Arrays.copyOf(refs, Math.min(refs.length, Evidence.MAX_REFERENCES)),
                            fields.toArray(new EvidenceField[0]));
            return a;
        }
    }

    /**
     * An alert about an incident, with the incident's context and an id made of the detector, the
     * key and the incident's first evidence: the same burst gives the same id on every run.
     */
    public static Builder of(ThresholdRule rule, String key, Incident i, Severity severity) {
        String id =
                AlertIds.of(
                        rule.info().id(), rule.name(), key, Long.toString(i.firstSeen), i.firstRef);
        return new Builder(rule.info(), id, i.trigger, severity);
    }

    /** An alert with an id of the caller's choosing. */
    public static Builder of(RuleInfo rule, String alertId, Signal context, Severity severity) {
        return new Builder(rule, alertId, context, severity);
    }

    /** The incident's evidence: its count, span and first references. */
    public static Alert finish(Builder b, Incident i, long detectedAt) {
        return b.evidence(i.count, i.firstSeen, i.lastSeen, i.refs, detectedAt);
    }

    /** Up to {@link #SHOWN_VALUES} values, space-separated, with how many more there are. */
    public static String list(String[] values, boolean capped) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(values.length, SHOWN_VALUES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(values[i]);
        }
        if (values.length > shown || capped) {
            sb.append(" (+").append(values.length - shown).append(capped ? " or more)" : " more)");
        }
        return sb.toString();
    }

    /** Values that are port numbers, in numeric order. */
    public static String[] numeric(String[] values) {
        String[] out = values.clone();
        Arrays.sort(
                out,
                (x, y) -> {
                    try {
                        return Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
                    } catch (NumberFormatException e) {
                        return x.compareTo(y);
                    }
                });
        return out;
    }

    /** The count of distinct values as text: exact, or "N+" when capped. */
    public static String distinct(Incident i) {
        return i.valuesCapped ? i.values.length + "+" : Integer.toString(i.values.length);
    }
}
