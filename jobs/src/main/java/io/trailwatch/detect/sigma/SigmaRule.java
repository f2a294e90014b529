package io.trailwatch.detect.sigma;

import io.trailwatch.detect.DetectionRule;

/** A rule of the registry that came from a rule file. */
public interface SigmaRule extends DetectionRule {
    /** The file and line the rule was read from. */
    String file();

    /** The compiled rule. */
    SigmaDetection detection();

    /** Whether the rule (with its filters) matches the record. */
    boolean matches(SigmaRecord record);
}
