package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-DATA-02: default encryption removed, versioning suspended, MFA delete or access logging
 * switched off.
 */
public final class BucketProtectionRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.DATA_BUCKET_PROTECTION;
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
