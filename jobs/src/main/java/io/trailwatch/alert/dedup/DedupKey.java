package io.trailwatch.alert.dedup;

import io.trailwatch.model.Alert;
import io.trailwatch.model.EvidenceField;

/**
 * What makes two alerts repeats of each other: the same rule, owner team and resource (or, for
 * alerts about a principal rather than a resource, the same principal; failing both, the account),
 * and the same {@code reason} where a rule has several conditions (TW-EXFIL-01: volume, or listing
 * then reading). Alerts for different conditions are different findings, not repeats; folding them
 * would also make which one goes out first depend on which detector happened to report first.
 */
public final class DedupKey {
    private static final char SEPARATOR = 0x1f;
    static final String REASON = "reason";

    private DedupKey() {}

    public static String of(Alert a) {
        String subject =
                a.resource != null ? a.resource : a.principal != null ? a.principal : a.account;
        String team = a.owner == null ? null : a.owner.team;
        String key = a.ruleId + SEPARATOR + team + SEPARATOR + subject;
        String reason = reason(a);
        return reason == null ? key : key + SEPARATOR + reason;
    }

    private static String reason(Alert a) {
        if (a.evidence == null || a.evidence.fields == null) {
            return null;
        }
        for (EvidenceField f : a.evidence.fields) {
            if (REASON.equals(f.name)) {
                return f.value;
            }
        }
        return null;
    }
}
