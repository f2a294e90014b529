package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.CRITICAL;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.rules.SecurityGroupOpenedRule;

/**
 * TW-CORR-01: a security group opened to the internet on a sensitive port, then connections
 * accepted on it. Its operator joins the two signal streams per account and port.
 */
@AutoService(DetectionRule.class)
public final class ExposedPortUsedRule implements DetectionRule {
    public static final RuleInfo INFO =
            RuleInfo.rule(
                            "TW-CORR-01",
                            "Port opened to the internet, then connected to from the internet")
                    .severity(
                            CRITICAL,
                            "CRITICAL: a security group opened an admin or database port to the internet"
                                    + " (a CRITICAL "
                                    + SecurityGroupOpenedRule.INFO.id()
                                    + "), and within 30 minutes inbound connections from"
                                    + " public addresses were accepted on that port in the same account")
                    .responsibility(NETWORK)
                    .controls(
                            "CIS-5.3", "CIS-5.4", "SecurityHub-EC2.19", "SecurityHub-CloudWatch.10")
                    .evidence(
                            "groupId",
                            "port",
                            "openedAt",
                            "openingEventId",
                            "connections",
                            "distinctSources",
                            "sources",
                            "destinations")
                    .stateful(
                            RuleKind.CORRELATION,
                            WindowedRuleSettings.minutes(30, 5),
                            SignalKind.SENSITIVE_PORT_OPENED,
                            SignalKind.PUBLIC_INBOUND)
                    .techniques("T1133")
                    .remediation(
                            "Remove the security group rule now, then treat the hosts that accepted the"
                                    + " connections as possibly compromised: check their logins and processes.");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
