package io.trailwatch.detect.rules;

/** What rules may ask beyond the event itself: the ownership table in force. */
public interface RuleContext {
    /** Whether the ownership table has a row for this 12-digit account id. */
    boolean isKnownAccount(String account);

    /**
     * Whether the ownership table marks the resource with this ARN as security monitoring (its
     * row's {@code monitoring} column says {@code yes} or {@code true}).
     */
    default boolean marksMonitoring(String arn) {
        return false;
    }
}
