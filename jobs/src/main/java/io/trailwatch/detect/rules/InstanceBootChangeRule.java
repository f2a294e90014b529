package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-CMP-02: user data modified, or an instance profile associated with or replaced on an instance.
 */
public final class InstanceBootChangeRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.CMP_INSTANCE_BOOT;
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
