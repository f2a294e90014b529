package io.trailwatch.detect.windowed;

import io.trailwatch.config.PatternSettings;
import java.util.List;

/**
 * The threshold detectors, registered in one place (their catalog entries are in {@code
 * RuleCatalog}); TW-AUTH-02 and TW-CORR-01 are joins and have operators of their own.
 */
public final class ThresholdRules {
    private ThresholdRules() {}

    public static List<ThresholdRule> all(PatternSettings settings) {
        return List.of(
                new FailedLoginsFromAddress(settings),
                new FailedLoginsForUser(settings),
                new DeniedCalls(settings),
                new ReadOnlySweep(settings),
                new InstanceCredentialsOutside(settings),
                new S3Downloads(settings),
                new ListThenRead(settings),
                new EgressVolume(settings),
                new PortSweep(settings),
                new HostSweep(settings),
                new AdminPortAttempts(settings));
    }
}
