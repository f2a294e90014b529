package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.LOW;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-NET-05: VPCs created, deleted or changed, and VPC peering. */
@AutoService(DetectionRule.class)
public final class VpcChangeRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NET-05", "VPC changed")
                    .severity(LOW, "MEDIUM for peering connections; LOW for other VPC changes")
                    .responsibility(NETWORK)
                    .controls("CIS-4.14", "SecurityHub-CloudWatch.14")
                    .evidence("vpcId", "change")
                    .techniques("T1562.007")
                    .remediation(
                            "Confirm the VPC change was planned; review peering connections to accounts you"
                                    + " do not own.");

    public VpcChangeRule() {
        super(
                of(INFO, "vpcId")
                        .source("ec2.amazonaws.com")
                        .on(
                                LOW,
                                "CreateVpc",
                                "DeleteVpc",
                                "ModifyVpcAttribute",
                                "AttachClassicLinkVpc",
                                "DetachClassicLinkVpc",
                                "DisableVpcClassicLink",
                                "EnableVpcClassicLink")
                        .on(
                                MEDIUM,
                                "CreateVpcPeeringConnection",
                                "AcceptVpcPeeringConnection",
                                "DeleteVpcPeeringConnection",
                                "RejectVpcPeeringConnection")
                        .evidence("peerOwnerId"));
    }
}
