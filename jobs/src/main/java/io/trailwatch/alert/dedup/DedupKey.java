package io.trailwatch.alert.dedup;

import io.trailwatch.model.Alert;

/**
 * What makes two alerts repeats of each other: the same rule, owner team and resource (or, for
 * alerts about a principal rather than a resource, the same principal; failing both, the account).
 */
public final class DedupKey {
    private static final char SEPARATOR = 0x1f;

    private DedupKey() {}

    public static String of(Alert a) {
        String subject =
                a.resource != null ? a.resource : a.principal != null ? a.principal : a.account;
        String team = a.owner == null ? null : a.owner.team;
        return a.ruleId + SEPARATOR + team + SEPARATOR + subject;
    }
}
