package io.trailwatch.detect.rules;

import io.trailwatch.detect.DetectionRule;
import java.util.List;
import java.util.Set;

/** A rule that judges one CloudTrail event (plus the ownership table) on its own. */
public interface StatelessRule extends DetectionRule {
    /** What {@link #eventNames()} returns for a rule that looks at every event. */
    Set<String> EVERY_EVENT = Set.of("*");

    /** The event names the rule can fire on: the engine shows it no other events. */
    Set<String> eventNames();

    /**
     * Whether {@link #eventNames()} are lower case and match event names in any case (rule files:
     * Sigma compares values case-insensitively).
     */
    default boolean eventNamesIgnoreCase() {
        return false;
    }

    /**
     * For a rule that looks at every event name: the event sources (lower case) it can fire on, or
     * {@link #EVERY_EVENT}.
     */
    default Set<String> eventSources() {
        return EVERY_EVENT;
    }

    @Override
    default List<String> inputs() {
        return eventNames().equals(EVERY_EVENT)
                ? List.of("every event")
                : eventNames().stream().sorted().toList();
    }

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
