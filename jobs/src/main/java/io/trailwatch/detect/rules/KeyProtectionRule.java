package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.ENCRYPTION;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-KMS-02: KMS key rotation disabled or imported key material deleted. */
@AutoService(DetectionRule.class)
public final class KeyProtectionRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-KMS-02", "KMS key rotation disabled or key material deleted")
                    .severity(
                            MEDIUM,
                            "HIGH when imported key material is deleted; MEDIUM when rotation is"
                                    + " disabled")
                    .responsibility(ENCRYPTION)
                    .controls("CIS-3.6", "SecurityHub-KMS.4")
                    .evidence("keyId", "change")
                    .techniques("T1485")
                    .remediation(
                            "Enable automatic key rotation again, or re-import the key material.");

    public KeyProtectionRule() {
        super(
                of(INFO, "keyId")
                        .source("kms.amazonaws.com")
                        .on(MEDIUM, "DisableKeyRotation")
                        .on(HIGH, "DeleteImportedKeyMaterial"));
    }
}
