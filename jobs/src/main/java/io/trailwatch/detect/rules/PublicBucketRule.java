package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.CRITICAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TW-DATA-01: a bucket made public — a policy granting everyone without a restricting condition, an
 * ACL granting AllUsers or AuthenticatedUsers (grant body or canned ACL), or a public access block
 * (bucket or account) switched off. A block with every flag true is not an alert.
 */
@AutoService(DetectionRule.class)
public final class PublicBucketRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-DATA-01", "S3 bucket made public")
                    .severity(
                            CRITICAL,
                            "CRITICAL when a bucket policy grants \"*\" without a restricting"
                                    + " condition or an ACL grants AllUsers or AuthenticatedUsers; HIGH when a public"
                                    + " access block (bucket or account) is removed or any of its flags switched off")
                    .responsibility(DATA_PROTECTION)
                    .controls(
                            "CIS-2.1.4",
                            "CIS-4.8",
                            "SecurityHub-S3.1",
                            "SecurityHub-S3.8",
                            "SecurityHub-S3.2",
                            "SecurityHub-CloudWatch.8")
                    .evidence("bucket", "grant", "actions")
                    .techniques("T1530")
                    .remediation(
                            "Remove the public grant (or switch the public access block back on) and check"
                                    + " the bucket's access logs for reads since the change.");

    private static final Set<String> PUBLIC_CANNED_ACLS =
            Set.of("public-read", "public-read-write", "authenticated-read");
    private static final List<String> BLOCK_FLAGS =
            List.of(
                    "BlockPublicAcls",
                    "IgnorePublicAcls",
                    "BlockPublicPolicy",
                    "RestrictPublicBuckets");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "PutBucketPolicy",
                "PutBucketAcl",
                "PutBucketPublicAccessBlock",
                "PutPublicAccessBlock",
                "DeleteBucketPublicAccessBlock",
                "DeletePublicAccessBlock",
                "PutAccountPublicAccessBlock",
                "DeleteAccountPublicAccessBlock");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"s3.amazonaws.com".equals(e.source())) {
            return;
        }
        String bucket = e.requestText("bucketName");
        String target = bucket != null ? bucket : "account " + e.event().account();
        switch (e.name()) {
            case "PutBucketPolicy":
                publicPolicy(e, bucket, findings);
                break;
            case "PutBucketAcl":
                publicAcl(e, bucket, findings);
                break;
            default:
                if (e.name().startsWith("Delete")) {
                    findings.add(
                            new Finding(Severity.HIGH, target, "public access block removed")
                                    .with("bucket", bucket)
                                    .with("grant", "public access block removed"));
                    return;
                }
                JsonNode config = Json.find(e.request(), "PublicAccessBlockConfiguration");
                List<String> off = new ArrayList<>();
                for (String flag : BLOCK_FLAGS) {
                    JsonNode v = config == null ? null : Json.find(config, flag);
                    if (v == null || Json.isFalse(v)) {
                        off.add(flag);
                    }
                }
                if (!off.isEmpty()) {
                    findings.add(
                            new Finding(
                                            Severity.HIGH,
                                            target,
                                            "public access block off: " + String.join(", ", off))
                                    .with("bucket", bucket)
                                    .with(
                                            "grant",
                                            "public access block off: " + String.join(" ", off)));
                }
        }
    }

    private static void publicPolicy(EventView e, String bucket, List<Finding> findings) {
        PolicyDocument policy = PolicyDocument.of(e.request().path("bucketPolicy"));
        Set<String> actions = new LinkedHashSet<>();
        for (JsonNode st : policy.publicStatements()) {
            actions.addAll(PolicyDocument.actions(st));
        }
        if (!policy.publicStatements().isEmpty()) {
            findings.add(
                    new Finding(
                                    Severity.CRITICAL,
                                    bucket,
                                    "policy grants everyone " + String.join(", ", actions))
                            .with("bucket", bucket)
                            .with("grant", "Principal *")
                            .with("actions", String.join(" ", actions)));
        }
    }

    private static void publicAcl(EventView e, String bucket, List<Finding> findings) {
        Set<String> grantees = new LinkedHashSet<>();
        for (String canned : PolicyDocument.values(e.request().path("x-amz-acl"))) {
            if (PUBLIC_CANNED_ACLS.contains(canned)) {
                grantees.add("canned ACL " + canned);
            }
        }
        JsonNode acl = Json.find(e.request(), "AccessControlList");
        if (acl != null) {
            for (JsonNode grant : Json.items(acl.path("Grant"))) {
                String uri = grant.path("Grantee").path("URI").asText("");
                if (uri.endsWith("/global/AllUsers")
                        || uri.endsWith("/global/AuthenticatedUsers")) {
                    grantees.add(
                            uri.substring(uri.lastIndexOf('/') + 1)
                                    + " "
                                    + grant.path("Permission").asText());
                }
            }
        }
        if (!grantees.isEmpty()) {
            findings.add(
                    new Finding(
                                    Severity.CRITICAL,
                                    bucket,
                                    "ACL grants " + String.join(", ", grantees))
                            .with("bucket", bucket)
                            .with("grant", String.join("; ", grantees)));
        }
    }
}
