package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.util.List;

/** TW-NETSCAN-02: repeated SSH or RDP connections from one public address to one host. */
@AutoService(DetectionRule.class)
public final class AdminPortAttemptsRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NETSCAN-02", "Repeated SSH or RDP connections from the internet")
                    .severity(
                            MEDIUM,
                            "HIGH when any of the connections was accepted; MEDIUM when all were"
                                    + " rejected. At least 30 connections from one public address to port 22 or"
                                    + " 3389 of one host within 5 minutes")
                    .responsibility(NETWORK)
                    .controls("CIS-5.3", "CIS-5.4", "SecurityHub-EC2.13", "SecurityHub-EC2.14")
                    .evidence("connections", "port", "destination", "accepted", "actions")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(5, 5).limit("connections", 30),
                            SignalKind.ADMIN_CONNECTION)
                    .techniques("T1110", "T1021.004")
                    .remediation(
                            "Close the port to the internet and reach the host through SSM Session Manager"
                                    + " or a VPN; if connections were accepted, check the host's authentication"
                                    + " logs for a successful login.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new AdminPortAttempts(settings));
    }
}
