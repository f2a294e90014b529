package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-LOG-03: AWS Config recording stopped or its delivery channel removed. */
@AutoService(DetectionRule.class)
public final class ConfigRecorderRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-LOG-03", "AWS Config recording stopped or removed")
                    .severity(HIGH, "HIGH for every matching change")
                    .responsibility(LOGGING_MONITORING)
                    .controls(
                            "CIS-3.3",
                            "CIS-4.9",
                            "SecurityHub-Config.1",
                            "SecurityHub-CloudWatch.9")
                    .evidence("recorder", "change")
                    .techniques("T1562.008")
                    .remediation(
                            "Start the configuration recorder again (StartConfigurationRecorder) and restore"
                                    + " its delivery channel.");

    public ConfigRecorderRule() {
        super(
                of(INFO, "recorder")
                        .source("config.amazonaws.com")
                        .on(
                                HIGH,
                                "StopConfigurationRecorder",
                                "DeleteConfigurationRecorder",
                                "DeleteDeliveryChannel"));
    }
}
