package io.trailwatch.detect.rules;

/** What rules may ask beyond the event itself: the ownership table in force. */
public interface RuleContext {
    /** Whether the ownership table has a row for this 12-digit account id. */
    boolean isKnownAccount(String account);
}
