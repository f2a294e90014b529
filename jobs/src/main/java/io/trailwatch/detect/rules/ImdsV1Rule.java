package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.COMPUTE;
import static io.trailwatch.model.Severity.HIGH;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
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
                            "HIGH whenever HttpTokens becomes optional: on an instance, in a launch"
                                    + " template, as the account default (ModifyInstanceMetadataDefaults), or"
                                    + " at launch, where the response's metadata options decide (the launch"
                                    + " template, AMI or account default may have made it optional)")
                    .responsibility(COMPUTE)
                    .controls("CIS-5.6", "SecurityHub-EC2.8")
                    .evidence("instanceId", "httpTokens", "change", "decidedBy")
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
        if (e.name().equals("RunInstances") && launched(e, findings)) {
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
        if (target == null && e.name().equals("RunInstances")) {
            target = String.join(" ", launchedInstances(e));
        }
        findings.add(finding(target, tokens, e.name(), "request"));
    }

    /**
     * A launch whose response states each instance's metadata options: what AWS applied (the
     * request, the launch template, the AMI or the account default) decides. Returns whether the
     * response stated them.
     */
    private static boolean launched(EventView e, List<Finding> findings) {
        List<String> optional = new ArrayList<>();
        boolean stated = false;
        for (JsonNode instance : Json.items(e.response().path("instancesSet"))) {
            JsonNode tokens = instance.path("metadataOptions").path("httpTokens");
            if (!tokens.isTextual()) {
                continue;
            }
            stated = true;
            if ("optional".equalsIgnoreCase(tokens.asText())) {
                optional.add(instance.path("instanceId").asText("?"));
            }
        }
        if (!optional.isEmpty()) {
            String requested = Json.findText(e.request(), "httpTokens");
            findings.add(
                    finding(
                            String.join(" ", optional),
                            "optional",
                            e.name(),
                            "optional".equalsIgnoreCase(requested)
                                    ? "request"
                                    : "response (launch template, AMI or account default)"));
        }
        return stated;
    }

    private static List<String> launchedInstances(EventView e) {
        List<String> ids = new ArrayList<>();
        for (JsonNode instance : Json.items(e.response().path("instancesSet"))) {
            if (instance.path("instanceId").isTextual()) {
                ids.add(instance.path("instanceId").asText());
            }
        }
        return ids;
    }

    private static Finding finding(String target, String tokens, String change, String decidedBy) {
        return new Finding(Severity.HIGH, target, "HttpTokens optional")
                .with("instanceId", target)
                .with("httpTokens", tokens)
                .with("change", change)
                .with("decidedBy", decidedBy);
    }
}
