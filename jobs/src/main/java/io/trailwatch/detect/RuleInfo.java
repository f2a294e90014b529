package io.trailwatch.detect;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.List;

/**
 * What the catalog says about a rule: id (a contract: alerts, suppressions and settings name it),
 * title, default severity and what raises or lowers it, the shared-responsibility area, control
 * mappings (CIS AWS Foundations Benchmark v3.0 and AWS Security Hub), MITRE ATT&CK techniques, the
 * evidence it reports, its remediation, and for rules that keep state their kind, the signals they
 * read and their settings with defaults.
 */
public final class RuleInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String title;
    private final Severity severity;
    private final String severityNote;
    private final Responsibility responsibility;
    private final List<String> controls;
    private final List<String> evidence;
    private final String remediation;
    private final String tuning;
    private final List<String> techniques;
    private final RuleKind kind;
    private final List<SignalKind> signals;
    private final WindowedRuleSettings settings;

    private RuleInfo(Builder b) {
        this.id = b.id;
        this.title = b.title;
        this.severity = b.severity;
        this.severityNote = b.severityNote;
        this.responsibility = b.responsibility;
        this.controls = List.copyOf(b.controls);
        this.evidence = List.copyOf(b.evidence);
        this.remediation = b.remediation;
        this.tuning = b.tuning;
        this.techniques = List.copyOf(b.techniques);
        this.kind = b.kind;
        this.signals = List.copyOf(b.signals);
        this.settings = b.settings;
    }

    public static Builder rule(String id, String title) {
        return new Builder(id, title);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The default severity; findings may raise or lower it as {@link #severityNote()} says. */
    public Severity severity() {
        return severity;
    }

    public String severityNote() {
        return severityNote;
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    public List<String> controls() {
        return controls;
    }

    /** Names of the decisive evidence fields the rule reports. */
    public List<String> evidence() {
        return evidence;
    }

    public String remediation() {
        return remediation;
    }

    /** How a team tunes the rule to its own account (what it judges by), or an empty string. */
    public String tuning() {
        return tuning;
    }

    /** MITRE ATT&CK (Enterprise, cloud) technique ids, e.g. {@code T1562.008}. */
    public List<String> techniques() {
        return techniques;
    }

    public RuleKind kind() {
        return kind;
    }

    /** The signal streams a stateful rule reads; empty for stateless rules. */
    public List<SignalKind> signals() {
        return signals;
    }

    /** Whether the rule has settings (window, thresholds, lateness). */
    public boolean hasSettings() {
        return settings != null;
    }

    /**
     * A fresh copy of the rule's default settings, to be tuned by a deployment.
     *
     * @throws IllegalStateException for a rule without settings
     */
    public WindowedRuleSettings defaultSettings() {
        if (settings == null) {
            throw new IllegalStateException(id + " has no settings");
        }
        return settings.copy();
    }

    /** Assembles a {@link RuleInfo}; every part but the note and controls is required. */
    public static final class Builder {
        private final String id;
        private final String title;
        private Severity severity;
        private String severityNote = "";
        private Responsibility responsibility;
        private List<String> controls = List.of();
        private List<String> evidence = List.of();
        private String remediation;
        private String tuning = "";
        private List<String> techniques = List.of();
        private RuleKind kind = RuleKind.STATELESS;
        private List<SignalKind> signals = List.of();
        private WindowedRuleSettings settings;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder severity(Severity severity, String note) {
            this.severity = severity;
            this.severityNote = note;
            return this;
        }

        public Builder responsibility(Responsibility responsibility) {
            this.responsibility = responsibility;
            return this;
        }

        public Builder controls(String... controls) {
            this.controls = List.of(controls);
            return this;
        }

        public Builder evidence(String... fields) {
            this.evidence = List.of(fields);
            return this;
        }

        public Builder techniques(String... ids) {
            this.techniques = List.of(ids);
            return this;
        }

        /**
         * A stateful rule: its kind, the signals it reads and its default settings (copied, never
         * changed).
         */
        public Builder stateful(
                RuleKind kind, WindowedRuleSettings defaults, SignalKind... signals) {
            this.kind = kind;
            this.settings = defaults == null ? null : defaults.copy();
            this.signals = List.of(signals);
            return this;
        }

        public Builder tuning(String tuning) {
            this.tuning = tuning;
            return this;
        }

        public RuleInfo remediation(String remediation) {
            this.remediation = remediation;
            if (id == null || title == null || severity == null || responsibility == null) {
                throw new IllegalStateException("incomplete rule " + id);
            }
            return new RuleInfo(this);
        }
    }
}
