package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/** TW-LOG-02: GuardDuty switched off, detached, or its findings suppressed or whitelisted. */
@AutoService(DetectionRule.class)
public final class GuardDutyRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-LOG-02", "GuardDuty disabled or its findings suppressed")
                    .severity(
                            HIGH,
                            "HIGH when a detector is deleted or disabled or an account leaves its"
                                    + " administrator; MEDIUM when an archive filter or a trusted IP list changes")
                    .responsibility(LOGGING_MONITORING)
                    .controls("SecurityHub-GuardDuty.1")
                    .evidence("detectorId", "change")
                    .techniques("T1562.001")
                    .remediation(
                            "Re-enable the detector or remove the new archive filter or trusted IP list, and"
                                    + " review findings archived since the change.");

    private static final String SOURCE = "guardduty.amazonaws.com";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "DeleteDetector",
                "UpdateDetector",
                "DisassociateFromMasterAccount",
                "DisassociateFromAdministratorAccount",
                "DisassociateMembers",
                "DeleteMembers",
                "StopMonitoringMembers",
                "CreateFilter",
                "UpdateFilter",
                "CreateIPSet",
                "UpdateIPSet",
                "DeleteIPSet",
                "DeleteThreatIntelSet");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!SOURCE.equals(e.source())) {
            return;
        }
        String detector = e.requestText("detectorId");
        switch (e.name()) {
            case "UpdateDetector":
                if (Json.isFalse(e.request().get("enable"))) {
                    findings.add(finding(Severity.HIGH, detector, "detector disabled"));
                }
                break;
            case "CreateFilter":
            case "UpdateFilter":
                if ("ARCHIVE".equalsIgnoreCase(e.requestText("action"))) {
                    findings.add(
                            finding(
                                    Severity.MEDIUM,
                                    detector,
                                    "findings auto-archived by filter "
                                            + e.requestText("name", "filterName")));
                }
                break;
            case "CreateIPSet":
            case "UpdateIPSet":
            case "DeleteIPSet":
                findings.add(
                        finding(
                                Severity.MEDIUM,
                                detector,
                                "trusted IP list changed (" + e.name() + ")"));
                break;
            case "DeleteThreatIntelSet":
                findings.add(finding(Severity.MEDIUM, detector, "threat list deleted"));
                break;
            default:
                findings.add(finding(Severity.HIGH, detector, e.name()));
        }
    }

    private static Finding finding(Severity severity, String detector, String change) {
        return new Finding(severity, detector, change)
                .with("detectorId", detector)
                .with("change", change);
    }
}
