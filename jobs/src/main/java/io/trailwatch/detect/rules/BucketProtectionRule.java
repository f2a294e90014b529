package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.MEDIUM;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-DATA-02: default encryption removed, versioning suspended, MFA delete or access logging
 * switched off.
 */
@AutoService(DetectionRule.class)
public final class BucketProtectionRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-DATA-02", "S3 bucket protection removed")
                    .severity(
                            MEDIUM,
                            "HIGH when default encryption is removed; MEDIUM when versioning is"
                                    + " suspended, MFA delete disabled or server access logging switched off")
                    .responsibility(DATA_PROTECTION)
                    .controls("CIS-2.1.1", "CIS-3.4", "SecurityHub-S3.4", "SecurityHub-S3.9")
                    .evidence("bucket", "change")
                    .techniques("T1562.008", "T1490")
                    .remediation(
                            "Restore default encryption, versioning and access logging on the bucket.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("DeleteBucketEncryption", "PutBucketVersioning", "PutBucketLogging");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"s3.amazonaws.com".equals(e.source())) {
            return;
        }
        String bucket = e.requestText("bucketName");
        switch (e.name()) {
            case "DeleteBucketEncryption":
                findings.add(finding(Severity.HIGH, bucket, "default encryption removed"));
                break;
            case "PutBucketVersioning":
                JsonNode v = e.request().path("VersioningConfiguration");
                if ("Suspended".equalsIgnoreCase(v.path("Status").asText())) {
                    findings.add(finding(Severity.MEDIUM, bucket, "versioning suspended"));
                } else if ("Disabled".equalsIgnoreCase(v.path("MfaDelete").asText())) {
                    findings.add(finding(Severity.MEDIUM, bucket, "MFA delete disabled"));
                }
                break;
            default:
                JsonNode status = e.request().path("BucketLoggingStatus");
                if (!status.isMissingNode() && !status.has("LoggingEnabled")) {
                    findings.add(
                            finding(Severity.MEDIUM, bucket, "server access logging disabled"));
                }
        }
    }

    private static Finding finding(Severity s, String bucket, String change) {
        return new Finding(s, bucket, change).with("bucket", bucket).with("change", change);
    }
}
