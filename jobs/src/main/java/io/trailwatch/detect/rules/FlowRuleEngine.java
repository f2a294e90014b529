package io.trailwatch.detect.rules;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.Owner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Runs the stateless flow rules over one flow record. An alert names the flow's account, its source
 * address as the principal and its interface (or instance) as the resource, and carries the flow
 * tuple as its evidence reference.
 */
public final class FlowRuleEngine {
    private final FlowRule[] rules;

    public FlowRuleEngine(Collection<FlowRule> rules, Set<String> disabled) {
        this.rules =
                rules.stream()
                        .filter(r -> !disabled.contains(r.info().id()))
                        .toArray(FlowRule[]::new);
    }

    public boolean isEmpty() {
        return rules.length == 0;
    }

    public List<Alert> evaluate(FlowRecord record, long detectedAt) {
        if (rules.length == 0) {
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>(0);
        List<Finding> findings = new ArrayList<>(1);
        for (FlowRule rule : rules) {
            findings.clear();
            rule.evaluate(record, findings);
            for (int i = 0; i < findings.size(); i++) {
                alerts.add(alert(rule.info(), findings.get(i), i, record, detectedAt));
            }
        }
        return alerts;
    }

    static Alert alert(RuleInfo rule, Finding f, int index, FlowRecord r, long detectedAt) {
        String tuple = r.tuple();
        Alert a = new Alert();
        a.alertId =
                AlertIds.of(rule.id(), tuple, Long.toString(r.eventTime), Integer.toString(index));
        a.ruleId = rule.id();
        a.title = f.detail() == null ? rule.title() : rule.title() + ": " + f.detail();
        a.severity = f.severity();
        a.eventTime = r.eventTime;
        a.detectedAt = detectedAt;
        a.account = r.accountId != null && r.accountId.matches("[0-9]{12}") ? r.accountId : null;
        a.region = r.region;
        a.principal = r.srcAddr;
        a.resource = f.resource();
        a.owner = r.owner != null ? r.owner : Owner.unowned();
        a.responsibility = rule.responsibility();
        a.controls = rule.controls().toArray(new String[0]);
        a.evidence =
                new Evidence(
                        1,
                        r.eventTime,
                        r.eventTime,
                        new String[] {tuple},
                        f.fields().toArray(new EvidenceField[0]));
        a.remediation = rule.remediation();
        return a;
    }
}
