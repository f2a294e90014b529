package io.trailwatch.detect.sigma;

import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.rules.Finding;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Sigma detection rule compiled: its catalog entry, its matcher (with the filters that name it
 * ANDed on), and how its alerts read (severity, title detail, resource, evidence).
 */
final class SigmaDetection {
    private final RuleMetadata meta;
    private final LogSource source;
    private final CompiledDetection detection;
    private final Matcher matcher;
    private final RuleInfo info;
    private final Matcher[] raised;
    private final Severity[] raisedTo;
    private final FieldAccess detail;
    private final EvidenceFields evidence;
    private final String resourceField;
    private final List<String> filters;
    private final TrailwatchExtension ext;

    SigmaDetection(
            RuleMetadata meta,
            LogSource source,
            CompiledDetection detection,
            TrailwatchExtension ext,
            RuleInfo info,
            List<String> filters,
            Matcher matcher)
            throws UnsupportedConstructException {
        this.meta = meta;
        this.ext = ext;
        this.source = source;
        this.detection = detection;
        this.info = info;
        this.filters = List.copyOf(filters);
        this.matcher = matcher;
        List<Matcher> ms = new ArrayList<>();
        List<Severity> to = new ArrayList<>();
        for (Map.Entry<Severity, List<String>> e : ext.severityBySelection().entrySet()) {
            for (String id : e.getValue()) {
                Selection s = detection.selections().get(id);
                if (s == null) {
                    throw new UnsupportedConstructException(
                            "trailwatch.severity names '"
                                    + id
                                    + "', which the detection does not"
                                    + " define");
                }
                ms.add(s.matcher());
                to.add(e.getKey());
            }
        }
        this.raised = ms.toArray(new Matcher[0]);
        this.raisedTo = to.toArray(new Severity[0]);
        this.detail = ext.detail() == null ? null : source.field(ext.detail());
        this.evidence =
                ext.evidence() != null
                        ? EvidenceFields.named(source, ext.evidence())
                        : EvidenceFields.of(source, detection.fields());
        this.resourceField = ext.resourceField();
    }

    RuleMetadata meta() {
        return meta;
    }

    LogSource source() {
        return source;
    }

    CompiledDetection detection() {
        return detection;
    }

    RuleInfo info() {
        return info;
    }

    /** The ids of the filters ANDed onto the rule's own condition. */
    List<String> filters() {
        return filters;
    }

    /** The same rule with one more filter's condition ANDed on. */
    SigmaDetection filtered(String filterId, Matcher filter) throws UnsupportedConstructException {
        List<String> f = new ArrayList<>(filters);
        f.add(filterId);
        Matcher own = matcher;
        return new SigmaDetection(
                meta, source, detection, ext, info, f, r -> own.matches(r) && filter.matches(r));
    }

    boolean matches(SigmaRecord record) {
        return matcher.matches(record);
    }

    /** The finding for a record the rule matched. */
    Finding finding(SigmaRecord record, String resource) {
        Severity severity = info.severity();
        for (int i = 0; i < raised.length; i++) {
            if (raised[i].matches(record)) {
                severity = raisedTo[i];
                break;
            }
        }
        String detailText = null;
        if (detail != null) {
            List<Object> values = new ArrayList<>(1);
            detail.values(record, values);
            detailText = EvidenceFields.text(values);
        }
        Finding f = new Finding(severity, resource, detailText);
        if (resourceField != null) {
            f.with(resourceField, resource);
        }
        evidence.addTo(record, f);
        return f;
    }
}
