package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.util.List;

/** TW-EXFIL-02: a large transfer from one interface to one public address. */
@AutoService(DetectionRule.class)
public final class EgressVolumeRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-EXFIL-02", "Large transfer to a public address")
                    .severity(
                            HIGH,
                            "HIGH: at least 1 GiB from one network interface to one public address (not in"
                                    + " any trusted_cidrs) within 10 minutes")
                    .responsibility(NETWORK)
                    .controls("CIS-3.7", "SecurityHub-EC2.6")
                    .evidence("bytes", "destination", "interfaceId", "sourceAddresses", "flows")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(10, 10)
                                    .limit("bytes", WindowedRuleSettings.GIB),
                            SignalKind.EGRESS)
                    .techniques("T1048")
                    .remediation(
                            "Identify the process behind the transfer on the instance; block the destination"
                                    + " and restrict egress (security group, network firewall) if it is not a"
                                    + " known partner.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new EgressVolume(settings));
    }
}
