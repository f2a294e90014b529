package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-LOG-04: VPC flow logs deleted. */
@AutoService(DetectionRule.class)
public final class FlowLogsDeletedRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-LOG-04", "VPC flow logs deleted")
                    .severity(HIGH, "HIGH for every deletion")
                    .responsibility(LOGGING_MONITORING)
                    .controls("CIS-3.7", "SecurityHub-EC2.6")
                    .evidence("flowLogIds")
                    .techniques("T1562.008")
                    .remediation(
                            "Recreate the flow logs for the affected VPCs, subnets or interfaces.");

    public FlowLogsDeletedRule() {
        super(of(INFO, "flowLogIds").source("ec2.amazonaws.com").on(HIGH, "DeleteFlowLogs"));
    }
}
