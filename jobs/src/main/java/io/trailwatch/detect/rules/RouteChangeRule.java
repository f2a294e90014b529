package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.LOW;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-NET-04: route tables and routes changed. */
@AutoService(DetectionRule.class)
public final class RouteChangeRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NET-04", "Route table changed")
                    .severity(LOW, "LOW for every change")
                    .responsibility(NETWORK)
                    .controls("CIS-4.13", "SecurityHub-CloudWatch.13")
                    .evidence("routeTableId", "destination", "change")
                    .techniques("T1562.007")
                    .remediation(
                            "Confirm the routing change was planned and does not send private traffic"
                                    + " through an unexpected path.");

    public RouteChangeRule() {
        super(
                of(INFO, "routeTableId")
                        .source("ec2.amazonaws.com")
                        .on(
                                LOW,
                                "CreateRoute",
                                "CreateRouteTable",
                                "ReplaceRoute",
                                "ReplaceRouteTableAssociation",
                                "DeleteRouteTable",
                                "DeleteRoute",
                                "DisassociateRouteTable")
                        .evidence(
                                "destinationCidrBlock",
                                "gatewayId",
                                "natGatewayId",
                                "vpcPeeringConnectionId"));
    }
}
