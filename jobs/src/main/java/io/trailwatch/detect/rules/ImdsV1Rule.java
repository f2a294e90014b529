package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.COMPUTE;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-CMP-01: the instance metadata service made IMDSv1-capable (HttpTokens optional), on an
 * instance, in a launch template, at launch, or as the account default: the precondition of the
 * Capital One breach.
 */
@AutoService(DetectionRule.class)
public final class ImdsV1Rule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-CMP-01", "Instance metadata service made IMDSv1-capable")
                    .severity(
                            HIGH,
                            "HIGH whenever HttpTokens becomes optional (instance, launch or account"
                                    + " default)")
                    .responsibility(COMPUTE)
                    .controls("CIS-5.6", "SecurityHub-EC2.8")
                    .evidence("instanceId", "httpTokens")
                    .techniques("T1552.005")
                    .remediation(
                            "Set HttpTokens to required: IMDSv1 lets a server-side request forgery read the"
                                    + " instance role's credentials, as in the 2019 Capital One breach.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "ModifyInstanceMetadataOptions",
                "ModifyInstanceMetadataDefaults",
                "RunInstances",
                "CreateLaunchTemplate",
                "CreateLaunchTemplateVersion");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"ec2.amazonaws.com".equals(e.source())) {
            return;
        }
        String tokens = Json.findText(e.request(), "httpTokens");
        if (!"optional".equalsIgnoreCase(tokens)) {
            return;
        }
        String target = Json.findText(e.request(), "instanceId");
        if (target == null) {
            target = Json.findText(e.request(), "launchTemplateName");
        }
        if (target == null && e.name().equals("ModifyInstanceMetadataDefaults")) {
            target = "account " + e.event().account() + " default";
        }
        findings.add(
                new Finding(Severity.HIGH, target, "HttpTokens optional")
                        .with("instanceId", target)
                        .with("httpTokens", tokens)
                        .with("change", e.name()));
    }
}
