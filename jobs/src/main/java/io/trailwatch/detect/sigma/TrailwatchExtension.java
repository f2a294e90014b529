package io.trailwatch.detect.sigma;

import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code trailwatch:} block a rule file may carry (Sigma allows custom keys; other tools ignore
 * it): what the catalog and alerts say beyond Sigma's own fields.
 *
 * <pre>
 * trailwatch:
 *   responsibility: encryption        # else inferred from the event source the rule pins
 *   remediation: Cancel the deletion.
 *   severity-note: HIGH for every disable
 *   severity:                         # raised or lowered when a selection matches
 *     critical: selection_leave
 *   detail: eventName                 # the alert title gains ": " and this field's value
 *   resource-field: keyId             # the evidence field naming the resource acted on
 *   evidence:                         # evidence name: field (default: the fields the rule reads)
 *     change: eventName
 * </pre>
 */
record TrailwatchExtension(
        Responsibility responsibility,
        String remediation,
        String severityNote,
        Map<Severity, List<String>> severityBySelection,
        String detail,
        String resourceField,
        Map<String, String> evidence) {
    static final TrailwatchExtension NONE =
            new TrailwatchExtension(null, null, null, Map.of(), null, null, null);

    static TrailwatchExtension read(YamlNode.Mapping doc) throws RuleFileException {
        YamlNode.Mapping tw = Documents.map(doc, "trailwatch");
        if (tw == null) {
            return NONE;
        }
        for (Map.Entry<String, YamlNode> e : tw.entries().entrySet()) {
            if (!List.of(
                            "responsibility",
                            "remediation",
                            "severity-note",
                            "severity",
                            "detail",
                            "resource-field",
                            "evidence")
                    .contains(e.getKey())) {
                throw new RuleFileException(
                        e.getValue().line(),
                        "trailwatch." + e.getKey() + " is not a Trailwatch key");
            }
        }
        Responsibility responsibility = null;
        String r = Documents.text(tw, "responsibility");
        if (r != null) {
            responsibility = ServiceResponsibility.parse(r);
            if (responsibility == null) {
                throw new RuleFileException(
                        tw.get("responsibility").line(),
                        "trailwatch.responsibility '"
                                + r
                                + "' is not one of identity, network,"
                                + " data-protection, encryption, logging-monitoring, compute,"
                                + " governance");
            }
        }
        Map<Severity, List<String>> bySelection = new LinkedHashMap<>();
        YamlNode.Mapping severity = Documents.map(tw, "severity");
        if (severity != null) {
            for (Severity s : Severity.values()) {
                for (String level : severity.entries().keySet()) {
                    if (RuleMetadata.severity(level) == null) {
                        throw new RuleFileException(
                                severity.get(level).line(),
                                "trailwatch.severity: '" + level + "' is not a level");
                    }
                    if (RuleMetadata.severity(level) == s) {
                        bySelection.put(s, Documents.texts(severity, level));
                    }
                }
            }
        }
        Map<String, String> evidence = null;
        YamlNode.Mapping ev = Documents.map(tw, "evidence");
        if (ev != null) {
            evidence = new LinkedHashMap<>();
            for (String name : ev.entries().keySet()) {
                evidence.put(name, Documents.text(ev, name));
            }
        }
        return new TrailwatchExtension(
                responsibility,
                Documents.text(tw, "remediation"),
                Documents.text(tw, "severity-note"),
                bySelection,
                Documents.text(tw, "detail"),
                Documents.text(tw, "resource-field"),
                evidence);
    }

    /**
     * The block of a correlation: what its catalog entry says (responsibility, remediation,
     * severity note). The keys that shape a single record's alert have nothing to read in a
     * correlation's alert, whose evidence is its group and counts.
     */
    static TrailwatchExtension readForCorrelation(YamlNode.Mapping doc) throws RuleFileException {
        TrailwatchExtension ext = read(doc);
        YamlNode.Mapping tw = Documents.map(doc, "trailwatch");
        if (tw != null) {
            for (String key : List.of("severity", "detail", "resource-field", "evidence")) {
                if (tw.get(key) != null) {
                    throw new RuleFileException(
                            tw.get(key).line(),
                            "trailwatch."
                                    + key
                                    + " applies to detection rules: a correlation's alert carries"
                                    + " its group and counts");
                }
            }
        }
        return ext;
    }

    /** The remediation the block gives, else the rule's description, else {@code otherwise}. */
    String remediation(RuleMetadata meta, String otherwise) {
        if (remediation != null) {
            return remediation;
        }
        if (meta.description() != null && !meta.description().isBlank()) {
            return "Investigate: " + meta.description().strip();
        }
        return otherwise;
    }

    List<String> evidenceNames(List<String> ruleFields) {
        List<String> out = new ArrayList<>();
        if (resourceField != null) {
            out.add(resourceField);
        }
        out.addAll(evidence != null ? evidence.keySet() : ruleFields);
        return out;
    }
}
