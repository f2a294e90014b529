package io.trailwatch.alert;

import io.trailwatch.config.RuleSettings;
import io.trailwatch.config.Suppression;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * Applies the user's severity overrides, then the suppressions: what is known-good does not alert.
 */
public final class AlertPolicy {
    private final RuleSettings settings;

    public AlertPolicy(RuleSettings settings) {
        this.settings = settings;
    }

    /** The suppression that silences the alert, or {@code null} when it goes out. */
    public Suppression suppressedBy(Alert a) {
        for (Suppression s : settings.suppressions) {
            if (s.matches(a.ruleId, a.account, a.principal, a.resource, a.eventTime)) {
                return s;
            }
        }
        return null;
    }

    /** Sets the severity the user configured for the alert's rule, if any. */
    public void overrideSeverity(Alert a) {
        Severity override = settings.severityOverrides.get(a.ruleId);
        if (override != null) {
            a.severity = override;
        }
    }
}
