package io.trailwatch.detect.windowed;

/** A rule whose reported incidents are sign-in bursts that TW-AUTH-02 follows up. */
public interface LoginBurstSource {
    /** The burst an incident of the key stands for. */
    LoginBurst burst(String key, Incident incident, String alertId);
}
