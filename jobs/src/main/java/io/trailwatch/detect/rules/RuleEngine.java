package io.trailwatch.detect.rules;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the stateless rules over one event. Rules are indexed by the event names they can fire on,
 * so the common event (a read, an object access) costs a map lookup; the request documents are
 * parsed only when a rule looks at them. Rules from rule files match names in any case: they are
 * filed under lower-case names (and, when they pin no name, under their event sources), looked up
 * with the event's name in lower case, which {@link LowerCaseNames} keeps so that a name is lowered
 * once.
 */
public final class RuleEngine {
    private final Map<String, List<StatelessRule>> byEventName = new HashMap<>();
    private final Map<String, List<StatelessRule>> byLowerCaseName = new HashMap<>();
    private final Map<String, List<StatelessRule>> byLowerCaseSource = new HashMap<>();
    private final List<StatelessRule> forEveryEvent = new ArrayList<>();
    private final LowerCaseNames lowerCase = new LowerCaseNames();

    /**
     * @param disabled ids of rules not to run
     */
    public RuleEngine(Collection<StatelessRule> rules, Set<String> disabled) {
        for (StatelessRule rule : rules) {
            if (disabled.contains(rule.info().id())) {
                continue;
            }
            if (rule.eventNames().equals(StatelessRule.EVERY_EVENT)) {
                if (rule.eventSources().equals(StatelessRule.EVERY_EVENT)) {
                    forEveryEvent.add(rule);
                } else {
                    for (String source : rule.eventSources()) {
                        byLowerCaseSource.computeIfAbsent(source, n -> new ArrayList<>()).add(rule);
                    }
                }
            } else if (rule.eventNamesIgnoreCase()) {
                for (String name : rule.eventNames()) {
                    byLowerCaseName.computeIfAbsent(name, n -> new ArrayList<>()).add(rule);
                }
            } else {
                for (String name : rule.eventNames()) {
                    byEventName.computeIfAbsent(name, n -> new ArrayList<>()).add(rule);
                }
            }
        }
    }

    public List<Alert> evaluate(CloudTrailEvent event, RuleContext context, long detectedAt) {
        return evaluate(new EventView(event), context, detectedAt);
    }

    /**
     * The alerts of one event, read through a view the caller shares with the other readers of the
     * event, so that its JSON documents are parsed once.
     */
    public List<Alert> evaluate(EventView view, RuleContext context, long detectedAt) {
        CloudTrailEvent event = view.event();
        List<StatelessRule> named =
                event.eventName == null
                        ? List.of()
                        : byEventName.getOrDefault(event.eventName, List.of());
        List<StatelessRule> fromFiles = List.of();
        if (!byLowerCaseName.isEmpty() && event.eventName != null) {
            fromFiles = byLowerCaseName.getOrDefault(lowerCase.of(event.eventName), List.of());
        }
        List<StatelessRule> bySource = List.of();
        if (!byLowerCaseSource.isEmpty() && event.eventSource != null) {
            bySource = byLowerCaseSource.getOrDefault(lowerCase.of(event.eventSource), List.of());
        }
        if (named.isEmpty()
                && forEveryEvent.isEmpty()
                && fromFiles.isEmpty()
                && bySource.isEmpty()) {
            return List.of();
        }
        // Failed calls and reads change nothing: they never count for change rules.
        boolean couldChange = event.errorCode == null && !Boolean.TRUE.equals(event.readOnly);
        List<Alert> alerts = new ArrayList<>(1);
        List<Finding> findings = new ArrayList<>(2);
        for (List<StatelessRule> rules : List.of(forEveryEvent, named, fromFiles, bySource)) {
            for (StatelessRule rule : rules) {
                if (rule.isChangeRule() && !couldChange) {
                    continue;
                }
                findings.clear();
                rule.evaluate(view, context, findings);
                for (int i = 0; i < findings.size(); i++) {
                    alerts.add(alert(rule.info(), findings.get(i), i, event, detectedAt));
                }
            }
        }
        return alerts;
    }

    static Alert alert(RuleInfo rule, Finding f, int index, CloudTrailEvent e, long detectedAt) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(rule.id(), e.eventId, Integer.toString(index));
        a.ruleId = rule.id();
        a.title = f.detail() == null ? rule.title() : rule.title() + ": " + f.detail();
        a.severity = f.severity();
        a.eventTime = e.eventTime;
        a.detectedAt = detectedAt;
        a.account = e.account();
        a.region = e.awsRegion;
        a.principal = e.principal();
        a.resource = f.resource();
        a.owner = e.owner != null ? e.owner : Owner.unowned();
        a.responsibility = rule.responsibility();
        a.controls = rule.controls().toArray(new String[0]);
        List<EvidenceField> fields = new ArrayList<>(f.fields());
        fields.add(new EvidenceField("eventName", e.eventName));
        fields.add(new EvidenceField("eventSource", e.eventSource));
        if (e.sourceIpAddress != null
                && f.fields().stream().noneMatch(x -> x.name.equals("sourceIPAddress"))) {
            fields.add(new EvidenceField("sourceIPAddress", e.sourceIpAddress));
        }
        a.evidence =
                new Evidence(
                        1,
                        e.eventTime,
                        e.eventTime,
                        new String[] {e.eventId},
                        fields.toArray(new EvidenceField[0]));
        a.remediation = rule.remediation();
        return a;
    }
}
