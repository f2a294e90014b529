package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.LOW;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.util.List;

/** TW-NETSCAN-01: one source sweeping the ports of a host or the hosts of a port. */
@AutoService(DetectionRule.class)
public final class PortScanRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NETSCAN-01", "Port or host scan")
                    .severity(
                            LOW,
                            "MEDIUM when the scanning source is inside (a private or trusted address:"
                                    + " lateral movement, or a scanner to suppress by name) or an internet source"
                                    + " had probes accepted; LOW when every probe was rejected. One source probing"
                                    + " at least 25 ports of one host, or 25 hosts on one port, within 1 minute; a"
                                    + " probe is a rejected flow or one of at most 4 packets, never the answering"
                                    + " side")
                    .responsibility(NETWORK)
                    .controls("CIS-5.2", "SecurityHub-EC2.21")
                    .evidence(
                            "distinctPorts", "ports", "distinctHosts", "hosts", "actions", "source")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(1, 1)
                                    .limit("ports", 25)
                                    .limit("hosts", 25),
                            SignalKind.PORT_PROBE,
                            SignalKind.HOST_PROBE)
                    .techniques("T1046")
                    .remediation(
                            "Block the source at the network ACL; if it is inside, isolate the instance and"
                                    + " investigate it as compromised.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new PortSweep(settings), new HostSweep(settings));
    }
}
