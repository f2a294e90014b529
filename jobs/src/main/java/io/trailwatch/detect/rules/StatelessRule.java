package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleInfo;
import java.util.List;
import java.util.Set;

/** A rule that judges one CloudTrail event (plus the ownership table) on its own. */
public interface StatelessRule {
    RuleInfo info();

    /** The event names the rule can fire on: the engine shows it no other events. */
    Set<String> eventNames();

    /**
     * Whether this rule detects configuration changes, so that failed calls ({@code errorCode}
     * present) and read-only calls never reach it. Only activity rules (root use, sign-in) see
     * those.
     */
    default boolean isChangeRule() {
        return true;
    }

    /** Adds a finding for each risky thing the event does; most events add none. */
    void evaluate(EventView event, RuleContext context, List<Finding> findings);
}
