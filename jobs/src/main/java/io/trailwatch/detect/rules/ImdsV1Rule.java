package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-CMP-01: the instance metadata service made IMDSv1-capable (HttpTokens optional), on an
 * instance, in a launch template, at launch, or as the account default: the precondition of the
 * Capital One breach.
 */
public final class ImdsV1Rule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.CMP_IMDS_V1;
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
