package io.trailwatch.detect;

import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.List;

/**
 * What the catalog says about a rule: id (contract), title, default severity, mapping and
 * remediation.
 */
public final class RuleInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String title;
    private final Severity severity;
    private final Responsibility responsibility;
    private final List<String> controls;
    private final String remediation;

    public RuleInfo(
            String id,
            String title,
            Severity severity,
            Responsibility responsibility,
            List<String> controls,
            String remediation) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.responsibility = responsibility;
        this.controls = List.copyOf(controls);
        this.remediation = remediation;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    public List<String> controls() {
        return controls;
    }

    public String remediation() {
        return remediation;
    }
}
