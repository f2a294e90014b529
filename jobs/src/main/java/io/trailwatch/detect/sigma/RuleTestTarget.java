package io.trailwatch.detect.sigma;

import io.trailwatch.detect.DetectionRule;

/**
 * What a test case runs: a rule of the rule file (generated or only read by correlations), a
 * correlation of it, or a built-in rule the file filters. Exactly one of the three is set.
 *
 * @param label how results name it: its name if it has one, else its id
 */
record RuleTestTarget(
        String id,
        String name,
        String label,
        SigmaDetection detection,
        SigmaCorrelationRule correlation,
        DetectionRule builtIn) {

    static RuleTestTarget of(SigmaDetection d) {
        RuleMetadata m = d.meta();
        return new RuleTestTarget(
                m.id(), m.name(), m.name() != null ? m.name() : m.id(), d, null, null);
    }

    static RuleTestTarget of(SigmaCorrelationRule c, String name) {
        String id = c.info().id();
        return new RuleTestTarget(id, name, name != null ? name : id, null, c, null);
    }

    static RuleTestTarget builtIn(DetectionRule r) {
        String id = r.info().id();
        return new RuleTestTarget(id, null, id, null, null, r);
    }

    boolean isNamed(String ref) {
        return ref.equals(id) || ref.equals(name);
    }
}
