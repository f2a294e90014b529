package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.COMPUTE;
import static io.trailwatch.model.Severity.MEDIUM;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-CMP-02: user data modified, or an instance profile associated with or replaced on an instance.
 */
@AutoService(DetectionRule.class)
public final class InstanceBootChangeRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-CMP-02", "Instance user data or instance profile changed")
                    .severity(
                            MEDIUM,
                            "MEDIUM for user data modified or an instance profile associated or replaced")
                    .responsibility(COMPUTE)
                    .controls()
                    .evidence("instanceId", "change", "instanceProfile")
                    .techniques("T1578.005")
                    .remediation(
                            "Confirm the change was deployed by the instance's owners; user data runs as root"
                                    + " and an instance profile hands its permissions to everything on the instance.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "ModifyInstanceAttribute",
                "AssociateIamInstanceProfile",
                "ReplaceIamInstanceProfileAssociation");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"ec2.amazonaws.com".equals(e.source())) {
            return;
        }
        JsonNode r = e.request();
        String instance = Json.findText(r, "instanceId");
        if (e.name().equals("ModifyInstanceAttribute")) {
            boolean userData =
                    r.has("userData") || "userData".equalsIgnoreCase(r.path("attribute").asText());
            if (userData) {
                findings.add(
                        new Finding(Severity.MEDIUM, instance, "user data modified")
                                .with("instanceId", instance)
                                .with("change", "user data modified"));
            }
            return;
        }
        JsonNode profile = Json.find(r, "iamInstanceProfile");
        String profileName =
                profile == null
                        ? null
                        : profile.hasNonNull("arn")
                                ? profile.get("arn").asText()
                                : profile.hasNonNull("Arn")
                                        ? profile.get("Arn").asText()
                                        : Json.findText(profile, "name");
        if (instance == null) {
            instance = Json.findText(e.response(), "instanceId");
        }
        findings.add(
                new Finding(Severity.MEDIUM, instance, e.name())
                        .with("instanceId", instance)
                        .with("change", e.name())
                        .with("instanceProfile", profileName));
    }
}
