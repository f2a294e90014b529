package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.COMPUTE;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.time.Duration;
import java.util.List;

/**
 * TW-CRED-01: EC2 instance-role credentials used from outside AWS and the owner's ranges. Its
 * window is how long a principal must stay away from an address before it alerts again.
 */
@AutoService(DetectionRule.class)
public final class InstanceCredentialsRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-CRED-01", "EC2 instance credentials used outside AWS")
                    .severity(
                            HIGH,
                            "HIGH: an instance-role session (named after its instance or delivered by the"
                                    + " instance metadata service) calls AWS from an address that is neither inside"
                                    + " AWS (a private address, a service name, or an address of AWS's"
                                    + " published ranges when they are given) nor in the owner's"
                                    + " trusted_cidrs, the equivalent of GuardDuty's"
                                    + " UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS; one"
                                    + " alert per session and address")
                    .responsibility(COMPUTE)
                    .controls("CIS-5.6", "SecurityHub-EC2.8")
                    .evidence(
                            "instanceId",
                            "role",
                            "sourceIPAddress",
                            "ec2RoleDelivery",
                            "distinctApis",
                            "apis")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(60, 5).maxIncident(Duration.ofDays(1)),
                            SignalKind.INSTANCE_CREDENTIALS_OUTSIDE)
                    .techniques("T1552.005", "T1078.004")
                    .remediation(
                            "Revoke the role's active sessions (an aws:TokenIssueTime deny policy), require"
                                    + " IMDSv2 on the instance and find how its credentials left it (SSRF, a"
                                    + " compromised host); add the address to trusted_cidrs if it is yours.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new InstanceCredentialsOutside(settings));
    }
}
