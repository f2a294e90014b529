package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-CRED-01: EC2 instance-role credentials used from outside AWS and the owner's trusted ranges
 * (the signal extractor decided that). The first use opens the incident; it stays open, one alert
 * for the session and address, until they have not been seen together for the window.
 */
public final class InstanceCredentialsOutside extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    public InstanceCredentialsOutside(WindowedRuleSettings settings) {
        super(
                InstanceCredentialsRule.INFO.id(),
                InstanceCredentialsRule.INFO,
                SignalKind.INSTANCE_CREDENTIALS_OUTSIDE,
                settings);
    }

    @Override
    public Compaction compaction() {
        return Compaction.LATEST_PER_VALUE;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return Verdict.ALERT;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String address = i.trigger.detail;
        String instance = i.trigger.resource;
        String role = Names.role(i.trigger.principal);
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.HIGH)
                        .title(
                                "credentials of "
                                        + instance
                                        + (role == null ? "" : " (" + role + ")")
                                        + " used from "
                                        + address)
                        .field("instanceId", instance)
                        .field("role", role)
                        .field("sourceIPAddress", address)
                        .field("ec2RoleDelivery", String.join(" ", i.attributes))
                        .field("distinctApis", PatternAlerts.distinct(i))
                        .field("apis", PatternAlerts.list(i.values, i.valuesCapped));
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
