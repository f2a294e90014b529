package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Severity.HIGH;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** TW-LOG-01: CloudTrail stopped, deleted, or reconfigured so that management events are lost. */
@AutoService(DetectionRule.class)
public final class CloudTrailLoggingRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-LOG-01", "CloudTrail logging stopped or reduced")
                    .severity(
                            HIGH,
                            "CRITICAL when logging is stopped or the trail deleted; HIGH when an update"
                                    + " makes the trail single-region, drops global service events or switches"
                                    + " log file validation off, or event selectors stop recording management"
                                    + " events")
                    .responsibility(LOGGING_MONITORING)
                    .controls(
                            "CIS-3.1",
                            "CIS-3.2",
                            "CIS-4.5",
                            "SecurityHub-CloudTrail.1",
                            "SecurityHub-CloudTrail.4",
                            "SecurityHub-CloudWatch.5")
                    .evidence("trail", "change")
                    .techniques("T1562.008")
                    .remediation(
                            "Restart logging (StartLogging) or restore the trail and its management-event"
                                    + " selectors, and find out who stopped it and why: attackers do this first.");

    private static final String SOURCE = "cloudtrail.amazonaws.com";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!SOURCE.equals(e.source())) {
            return;
        }
        String trail = e.requestText("name", "trailName");
        switch (e.name()) {
            case "StopLogging":
            case "DeleteTrail":
                findings.add(finding(Severity.CRITICAL, trail, e.name()));
                break;
            case "UpdateTrail":
                List<String> changes = reductions(e.request());
                if (!changes.isEmpty()) {
                    findings.add(finding(Severity.HIGH, trail, String.join("; ", changes)));
                }
                break;
            default:
                if (losesManagementEvents(e.request())) {
                    findings.add(
                            finding(
                                    Severity.HIGH,
                                    trail,
                                    "event selectors no longer record management events"));
                }
        }
    }

    /** What an UpdateTrail request takes away: parameters it leaves out stay as they were. */
    private static List<String> reductions(JsonNode r) {
        List<String> changes = new ArrayList<>(3);
        if (Json.isFalse(r.get("isMultiRegionTrail"))) {
            changes.add("multi-region logging switched off");
        }
        if (Json.isFalse(r.get("includeGlobalServiceEvents"))) {
            changes.add("global service events (IAM, STS, sign-in) excluded");
        }
        if (Json.isFalse(r.get("enableLogFileValidation"))) {
            changes.add("log file validation switched off");
        }
        return changes;
    }

    /** Whether the new selectors drop management events (or their write half) altogether. */
    static boolean losesManagementEvents(JsonNode request) {
        List<JsonNode> basic = Json.items(request.path("eventSelectors"));
        List<JsonNode> advanced = Json.items(request.path("advancedEventSelectors"));
        if (!basic.isEmpty()) {
            for (JsonNode selector : basic) {
                boolean management = !Json.isFalse(selector.get("includeManagementEvents"));
                String rw = selector.path("readWriteType").asText("All");
                if (management && !rw.equalsIgnoreCase("ReadOnly")) {
                    return false;
                }
            }
            return true;
        }
        if (!advanced.isEmpty()) {
            for (JsonNode selector : advanced) {
                for (JsonNode field : Json.items(selector.path("fieldSelectors"))) {
                    if ("eventCategory".equals(field.path("field").asText())
                            && PolicyDocument.values(field.path("equals")).contains("Management")) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static Finding finding(Severity severity, String trail, String change) {
        return new Finding(severity, trail, change).with("trail", trail).with("change", change);
    }
}
