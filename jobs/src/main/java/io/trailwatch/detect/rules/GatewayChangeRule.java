package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.LOW;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-NET-03: internet and customer gateways created, attached, detached or deleted. */
@AutoService(DetectionRule.class)
public final class GatewayChangeRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NET-03", "Internet or customer gateway changed")
                    .severity(
                            LOW,
                            "MEDIUM when an internet gateway is attached to a VPC; LOW otherwise")
                    .responsibility(NETWORK)
                    .controls("CIS-4.12", "SecurityHub-CloudWatch.12")
                    .evidence("gateway", "change")
                    .techniques("T1562.007")
                    .remediation(
                            "Confirm the gateway change was planned: a new internet path can expose private"
                                    + " workloads.");

    public GatewayChangeRule() {
        super(
                of(INFO, "gateway")
                        .source("ec2.amazonaws.com")
                        .on(
                                LOW,
                                "CreateCustomerGateway",
                                "DeleteCustomerGateway",
                                "CreateInternetGateway",
                                "DeleteInternetGateway",
                                "DetachInternetGateway")
                        .on(MEDIUM, "AttachInternetGateway"));
    }
}
