package io.trailwatch.detect;

import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.List;

/**
 * What the catalog says about a rule: id (contract), title, default severity and what raises or
 * lowers it, the shared-responsibility area, control mappings, the evidence it reports and its
 * remediation.
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

    private RuleInfo(Builder b) {
        this.id = b.id;
        this.title = b.title;
        this.severity = b.severity;
        this.severityNote = b.severityNote;
        this.responsibility = b.responsibility;
        this.controls = List.copyOf(b.controls);
        this.evidence = List.copyOf(b.evidence);
        this.remediation = b.remediation;
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

        public RuleInfo remediation(String remediation) {
            this.remediation = remediation;
            if (id == null || title == null || severity == null || responsibility == null) {
                throw new IllegalStateException("incomplete rule " + id);
            }
            return new RuleInfo(this);
        }
    }
}
