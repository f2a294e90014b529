package io.trailwatch.detect.sigma;

import io.trailwatch.detect.rules.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values an alert of a rule file reports: each named field's value(s) in the record. */
final class EvidenceFields {
    /** Evidence the alert builders add themselves. */
    private static final List<String> ADDED_BY_ENGINE =
            List.of("eventName", "eventSource", "sourceIPAddress");

    private final Map<String, FieldAccess> fields;

    private EvidenceFields(Map<String, FieldAccess> fields) {
        this.fields = fields;
    }

    /** Evidence named after the fields themselves. */
    static EvidenceFields of(LogSource source, List<String> names)
            throws UnsupportedConstructException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            if (source != LogSource.CLOUDTRAIL || !ADDED_BY_ENGINE.contains(n)) {
                m.put(n, n);
            }
        }
        return named(source, m);
    }

    /** Evidence under names of the rule's choosing: name to field. */
    static EvidenceFields named(LogSource source, Map<String, String> nameToField)
            throws UnsupportedConstructException {
        Map<String, FieldAccess> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : nameToField.entrySet()) {
            out.put(e.getKey(), source.field(e.getValue()));
        }
        return new EvidenceFields(out);
    }

    void addTo(SigmaRecord record, Finding finding) {
        List<Object> values = new ArrayList<>(2);
        for (Map.Entry<String, FieldAccess> e : fields.entrySet()) {
            values.clear();
            e.getValue().values(record, values);
            finding.with(e.getKey(), text(values));
        }
    }

    /** One value as text, several joined with ", ", none as {@code null}. */
    static String text(List<Object> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (v == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Values.text(v));
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
