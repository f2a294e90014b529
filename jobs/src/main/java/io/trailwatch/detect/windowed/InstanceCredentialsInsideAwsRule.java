package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.COMPUTE;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.time.Duration;

/**
 * TW-CRED-02: EC2 instance-role credentials used from an address inside AWS that the organization
 * is not known to hold. Its operator joins the uses with the addresses the organization was given,
 * both keyed by the address; its window is how long a session must stay away from an address before
 * it alerts again, and {@code addressMemory} how long an address the organization was given counts
 * as its own.
 */
@AutoService(DetectionRule.class)
public final class InstanceCredentialsInsideAwsRule implements DetectionRule {
    public static final RuleInfo INFO =
            RuleInfo.rule(
                            "TW-CRED-02",
                            "EC2 instance credentials used from another address inside AWS")
                    .severity(
                            MEDIUM,
                            "MEDIUM: an instance-role session calls AWS from an address of AWS's"
                                    + " published ranges (any service: GuardDuty's notion of inside AWS)"
                                    + " that is in neither the owner's trusted_cidrs nor a CIDR row of the"
                                    + " ownership table, and that the organization was not given"
                                    + " (AllocateAddress, AssociateAddress, CreateNatGateway, RunInstances)"
                                    + " within addressMemory before: GuardDuty's"
                                    + " InstanceCredentialExfiltration.InsideAWS, someone's instance using"
                                    + " the credentials. Not HIGH like "
                                    + InstanceCredentialsRule.INFO.id()
                                    + ": an instance calling AWS from its own public address looks the same"
                                    + " until the address is known, and an address EC2 assigns at launch"
                                    + " appears in no CloudTrail event. One alert per session and address")
                    .responsibility(COMPUTE)
                    .controls("CIS-5.6", "SecurityHub-EC2.8")
                    .evidence(
                            "instanceId",
                            "role",
                            "sourceIPAddress",
                            "awsPrefix",
                            "awsRegion",
                            "awsServices",
                            "ec2RoleDelivery",
                            "distinctApis",
                            "apis")
                    .stateful(
                            RuleKind.CORRELATION,
                            WindowedRuleSettings.minutes(60, 5)
                                    .maxIncident(Duration.ofDays(1))
                                    .span(
                                            InstanceCredentialsInsideAws.ADDRESS_MEMORY,
                                            Duration.ofDays(90)),
                            SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS,
                            SignalKind.ADDRESS_HELD)
                    .techniques("T1552.005", "T1078.004")
                    .remediation(
                            "If the address is not the organization's, treat the credentials as stolen:"
                                    + " revoke the role's active sessions (an aws:TokenIssueTime deny"
                                    + " policy) and require IMDSv2 on the instance. If it is (the"
                                    + " instance's public address, a NAT gateway), add it to trusted_cidrs"
                                    + " or a CIDR row of the ownership table.");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
