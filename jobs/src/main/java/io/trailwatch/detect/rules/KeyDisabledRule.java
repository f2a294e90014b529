package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.ENCRYPTION;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-KMS-01: a KMS key disabled or scheduled for deletion. */
@AutoService(DetectionRule.class)
public final class KeyDisabledRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-KMS-01", "KMS key disabled or scheduled for deletion")
                    .severity(HIGH, "HIGH for every disable or scheduled deletion")
                    .responsibility(ENCRYPTION)
                    .controls("CIS-4.7", "SecurityHub-KMS.3", "SecurityHub-CloudWatch.7")
                    .evidence("keyId", "change", "pendingWindowInDays")
                    .techniques("T1485")
                    .remediation(
                            "Cancel the deletion (CancelKeyDeletion) or enable the key if data still depends"
                                    + " on it; a deleted key makes its data unreadable for good.");

    public KeyDisabledRule() {
        super(
                of(INFO, "keyId")
                        .source("kms.amazonaws.com")
                        .on(HIGH, "DisableKey", "ScheduleKeyDeletion")
                        .evidence("pendingWindowInDays"));
    }
}
