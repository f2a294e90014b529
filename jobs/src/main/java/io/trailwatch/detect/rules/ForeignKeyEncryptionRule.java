package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.ResourceRef;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-DESTROY-20: S3 objects written or copied under a KMS key of another account. Whoever holds
 * that key decides who can ever read the objects again: the cloud form of ransomware, which
 * rewrites a bucket's objects in place under the attacker's key and deletes the old versions.
 */
@AutoService(DetectionRule.class)
public final class ForeignKeyEncryptionRule implements StatelessRule {
    /** The header S3 data events record the requested KMS key under. */
    static final String KEY_HEADER = "x-amz-server-side-encryption-aws-kms-key-id";

    public static final RuleInfo INFO =
            RuleInfo.rule("TW-DESTROY-20", "S3 objects encrypted with another account's KMS key")
                    .severity(
                            HIGH,
                            "HIGH for every PutObject, CopyObject or multipart upload that names a KMS"
                                    + " key ARN of an account other than the bucket's")
                    .responsibility(DATA_PROTECTION)
                    .evidence("bucket", "key", "kmsKey", "keyAccount", "bucketAccount")
                    .techniques("T1486")
                    .remediation(
                            "Stop the principal, then check whether the bucket is versioned: earlier"
                                    + " versions under your own key can be restored. Deny"
                                    + " s3:PutObject with a KMS key outside the organization in the"
                                    + " bucket policy (condition on"
                                    + " s3:x-amz-server-side-encryption-aws-kms-key-id).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("PutObject", "CopyObject", "CreateMultipartUpload");
    }

    @Override
    public Set<String> eventSources() {
        return Set.of("s3.amazonaws.com");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"s3.amazonaws.com".equals(e.source())) {
            return;
        }
        String kmsKey = e.requestText(KEY_HEADER);
        String keyAccount = accountOf(kmsKey);
        if (keyAccount == null) {
            // a bare key id or alias names a key of the bucket's own account
            return;
        }
        String bucketAccount = bucketAccount(e.event());
        if (bucketAccount == null || bucketAccount.equals(keyAccount)) {
            return;
        }
        String bucket = e.requestText("bucketName");
        findings.add(
                new Finding(Severity.HIGH, bucket, "key of account " + keyAccount)
                        .with("bucket", bucket)
                        .with("key", e.requestText("key"))
                        .with("kmsKey", kmsKey)
                        .with("keyAccount", keyAccount)
                        .with("bucketAccount", bucketAccount));
    }

    /** The account of a KMS key or alias ARN ({@code arn:aws:kms:region:account:key/id}). */
    static String accountOf(String kmsKey) {
        if (kmsKey == null || !kmsKey.startsWith("arn:")) {
            return null;
        }
        String[] parts = kmsKey.split(":", 6);
        return parts.length == 6 && parts[2].equals("kms") && !parts[4].isEmpty() ? parts[4] : null;
    }

    /** The bucket owner S3 names in the event's resources, else the account that received it. */
    private static String bucketAccount(CloudTrailEvent event) {
        if (event.resources != null) {
            for (ResourceRef r : event.resources) {
                if ("AWS::S3::Bucket".equals(r.type) && r.accountId != null) {
                    return r.accountId;
                }
            }
        }
        return event.recipientAccountId;
    }
}
