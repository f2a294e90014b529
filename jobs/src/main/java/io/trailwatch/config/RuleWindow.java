package io.trailwatch.config;

import java.io.Serializable;

/** A de-duplication window for one rule, overriding the default. */
public class RuleWindow implements Serializable {
    private static final long serialVersionUID = 1L;

    public String ruleId;

    /** Milliseconds of event time; 0 turns de-duplication off for the rule. */
    public long windowMillis;

    public RuleWindow() {}

    public RuleWindow(String ruleId, long windowMillis) {
        this.ruleId = ruleId;
        this.windowMillis = windowMillis;
    }
}
