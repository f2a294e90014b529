package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-LOG-05: Security Hub disabled, log groups or alarms deleted, EventBridge rules disabled. */
@AutoService(DetectionRule.class)
public final class MonitoringDisabledRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-LOG-05", "Security monitoring disabled")
                    .severity(
                            MEDIUM,
                            "HIGH when Security Hub is disabled; MEDIUM for deleted log groups or"
                                    + " alarms, disabled alarm actions and disabled or deleted EventBridge rules")
                    .responsibility(LOGGING_MONITORING)
                    .controls("CIS-4.16")
                    .evidence("target", "change")
                    .techniques("T1562.001", "T1562.008")
                    .remediation(
                            "Restore the monitoring that was removed and check what it would have caught"
                                    + " in the meantime.");

    public MonitoringDisabledRule() {
        super(
                of(INFO, "target")
                        .source("securityhub.amazonaws.com")
                        .on(HIGH, "DisableSecurityHub", "BatchDisableStandards")
                        .source("logs.amazonaws.com")
                        .on(MEDIUM, "DeleteLogGroup")
                        .source("monitoring.amazonaws.com")
                        .on(MEDIUM, "DeleteAlarms", "DisableAlarmActions")
                        .source("events.amazonaws.com")
                        .on(MEDIUM, "DisableRule", "DeleteRule"));
    }
}
