package io.trailwatch.detect.windowed;

/** What a rule makes of its window after a signal was added. */
public enum Verdict {
    /** Below the threshold. */
    NONE,
    /** The threshold is reached: an incident opens and will be reported. */
    ALERT,
    /**
     * The threshold is reached, but another detector reports this incident (e.g. failed sign-ins of
     * one user that all came from one address, which the address's detector reports): the incident
     * opens silently, so that it is not counted again.
     */
    ABSORB
}
