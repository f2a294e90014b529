package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-CRED-02's decisions: whether an address the organization was given still counts as its own
 * when instance credentials are used from it, and, per session and address, the incident of the
 * uses that remain (as TW-CRED-01's: the first use opens it, one alert until the session has not
 * used the address for the window).
 */
public final class InstanceCredentialsInsideAws extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    /** The setting: how long after it was given an address counts as the organization's. */
    public static final String ADDRESS_MEMORY = "addressMemory";

    private final long addressMemoryMillis;

    public InstanceCredentialsInsideAws(WindowedRuleSettings settings) {
        super(
                InstanceCredentialsInsideAwsRule.INFO.id(),
                InstanceCredentialsInsideAwsRule.INFO,
                SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS,
                settings);
        this.addressMemoryMillis = settings.span(ADDRESS_MEMORY).toMillis();
    }

    public long addressMemoryMillis() {
        return addressMemoryMillis;
    }

    /**
     * Whether the organization holds the address at {@code time}, having last been given it at
     * {@code heldAt} ({@code null}: never).
     */
    public boolean held(Long heldAt, long time) {
        return heldAt != null && heldAt <= time && time - heldAt <= addressMemoryMillis;
    }

    /** The incident key of a use: account, session and address, as TW-CRED-01 keys them. */
    public static String sessionKey(Signal use) {
        return use.account + " " + use.principal + " " + use.key;
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
        String address = i.trigger.key;
        String instance = i.trigger.resource;
        String role = Names.role(i.trigger.principal);
        // "prefix region services…", as the signal extractor described AWS's range
        String[] range = i.trigger.detail == null ? new String[0] : i.trigger.detail.split(" ", 3);
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.MEDIUM)
                        .title(
                                "credentials of "
                                        + instance
                                        + (role == null ? "" : " (" + role + ")")
                                        + " used from "
                                        + address
                                        + (range.length == 3
                                                ? ", an AWS address ("
                                                        + range[2]
                                                        + ", "
                                                        + range[1]
                                                        + ")"
                                                : ""))
                        .field("instanceId", instance)
                        .field("role", role)
                        .field("sourceIPAddress", address)
                        .field("awsPrefix", range.length > 0 ? range[0] : null)
                        .field("awsRegion", range.length > 1 ? range[1] : null)
                        .field("awsServices", range.length > 2 ? range[2] : null)
                        .field("ec2RoleDelivery", String.join(" ", i.attributes))
                        .field("distinctApis", PatternAlerts.distinct(i))
                        .field("apis", PatternAlerts.list(i.values, i.valuesCapped));
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
