package io.trailwatch.detect.rules;

import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** What a rule found in one event: how severe, about which resource, and the decisive values. */
public final class Finding {
    private final Severity severity;
    private final String resource;
    private final String detail;
    private final List<EvidenceField> fields = new ArrayList<>();

    /**
     * @param detail a few words the alert title gains, e.g. "tcp/22 from 0.0.0.0/0"; may be null
     */
    public Finding(Severity severity, String resource, String detail) {
        this.severity = severity;
        this.resource = resource;
        this.detail = detail;
    }

    public Finding with(String name, Object value) {
        if (value != null) {
            fields.add(new EvidenceField(name, String.valueOf(value)));
        }
        return this;
    }

    public Severity severity() {
        return severity;
    }

    public String resource() {
        return resource;
    }

    public String detail() {
        return detail;
    }

    public List<EvidenceField> fields() {
        return fields;
    }
}
