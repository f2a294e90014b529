package io.trailwatch.detect.windowed;

import io.trailwatch.detect.signals.Signal;

/**
 * One security-group opening of a sensitive port, for TW-CORR-01: the opening, until when inbound
 * connections still count, and the incident of the accepted connections once the first arrives.
 */
public class PortExposure {
    /** The {@code SENSITIVE_PORT_OPENED} signal: event id, group, who, owner. */
    public Signal opening;

    /** Event time after which connections no longer count (opening + window). */
    public long until;

    /** The accepted public connections; {@code null} until the first. */
    public Incident connections;

    public PortExposure() {}

    PortExposure(Signal opening, long until) {
        this.opening = opening;
        this.until = until;
    }

    boolean covers(long time) {
        return opening.time <= time && time <= until;
    }
}
