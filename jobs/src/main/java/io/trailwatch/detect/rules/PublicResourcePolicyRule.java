package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.HIGH;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-DATA-05: resource policies other than buckets' opened to everyone: SNS topics, SQS queues,
 * Lambda permissions and function URLs, ECR repositories, KMS keys, Secrets Manager secrets,
 * OpenSearch (and Elasticsearch) domains and S3 Glacier vaults.
 */
@AutoService(DetectionRule.class)
public final class PublicResourcePolicyRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-DATA-05", "Resource policy opened to everyone")
                    .severity(
                            HIGH,
                            "CRITICAL for a KMS key policy or a Lambda permission open to \"*\"; HIGH for"
                                    + " SNS, SQS, ECR, Secrets Manager, OpenSearch domain and"
                                    + " Glacier vault policies and Lambda function URLs without"
                                    + " authentication")
                    .responsibility(DATA_PROTECTION)
                    .controls(
                            "SecurityHub-SNS.4",
                            "SecurityHub-SQS.3",
                            "SecurityHub-Lambda.1",
                            "SecurityHub-KMS.5")
                    .evidence("resource", "grant")
                    .techniques("T1098")
                    .remediation(
                            "Restrict the policy's principals, or add a condition (aws:PrincipalOrgID,"
                                    + " aws:SourceArn, aws:SourceAccount) that narrows who may call.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "SetTopicAttributes",
                "CreateTopic",
                "SetQueueAttributes",
                "CreateQueue",
                "AddPermission20150331v2",
                "AddPermission20150331",
                "AddPermission",
                "CreateFunctionUrlConfig20211031",
                "UpdateFunctionUrlConfig20211031",
                "SetRepositoryPolicy",
                "PutKeyPolicy",
                "CreateKey",
                "PutResourcePolicy",
                "CreateDomain",
                "UpdateDomainConfig",
                "CreateElasticsearchDomain",
                "UpdateElasticsearchDomainConfig",
                "SetVaultAccessPolicy");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        JsonNode r = e.request();
        String source = e.source() == null ? "" : e.source();
        switch (source) {
            case "sns.amazonaws.com":
                if (e.name().equals("SetTopicAttributes")
                        && "Policy".equals(r.path("attributeName").asText())) {
                    policy(
                            r.path("attributeValue"),
                            e.requestText("topicArn"),
                            Severity.HIGH,
                            findings);
                } else if (e.name().equals("CreateTopic")) {
                    policy(
                            r.path("attributes").path("Policy"),
                            e.requestText("name"),
                            Severity.HIGH,
                            findings);
                }
                break;
            case "sqs.amazonaws.com":
                if (e.name().equals("SetQueueAttributes") || e.name().equals("CreateQueue")) {
                    policy(
                            r.path("attributes").path("Policy"),
                            e.requestText("queueUrl", "queueName"),
                            Severity.HIGH,
                            findings);
                }
                break;
            case "lambda.amazonaws.com":
                lambda(e, findings);
                break;
            case "ecr.amazonaws.com":
                if (e.name().equals("SetRepositoryPolicy")) {
                    policy(
                            r.path("policyText"),
                            e.requestText("repositoryName"),
                            Severity.HIGH,
                            findings);
                }
                break;
            case "kms.amazonaws.com":
                if (e.name().equals("PutKeyPolicy") || e.name().equals("CreateKey")) {
                    policy(r.path("policy"), e.requestText("keyId"), Severity.CRITICAL, findings);
                }
                break;
            case "secretsmanager.amazonaws.com":
                if (e.name().equals("PutResourcePolicy")) {
                    policy(
                            r.path("resourcePolicy"),
                            e.requestText("secretId"),
                            Severity.HIGH,
                            findings);
                }
                break;
            case "es.amazonaws.com":
                // the access policy of a domain with a public endpoint (a domain in a VPC is
                // reached through its security groups, whatever the policy says)
                if (!inVpc(e)) {
                    policy(
                            r.path("accessPolicies"),
                            e.requestText("domainName"),
                            Severity.HIGH,
                            findings);
                }
                break;
            case "glacier.amazonaws.com":
                if (e.name().equals("SetVaultAccessPolicy")) {
                    policy(
                            r.path("policy").path("policy"),
                            e.requestText("vaultName"),
                            Severity.HIGH,
                            findings);
                }
                break;
            default:
        }
    }

    /**
     * Whether the request or its response puts the domain in a VPC (the response of an update names
     * the domain's VPC options even when the request does not change them).
     */
    private static boolean inVpc(EventView e) {
        JsonNode response = e.response();
        for (JsonNode vpc :
                new JsonNode[] {
                    e.request().path("vPCOptions"),
                    e.request().path("vpcOptions"),
                    response.path("domainStatus").path("vPCOptions"),
                    response.path("domainConfig").path("vPCOptions").path("options"),
                    response.path("domainStatus").path("endpoints").path("vpc")
                }) {
            if (vpc.isTextual()
                    || vpc.path("subnetIds").size() > 0
                    || vpc.path("vPCId").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static void lambda(EventView e, List<Finding> findings) {
        JsonNode r = e.request();
        String function = e.requestText("functionName");
        if (e.name().startsWith("AddPermission")) {
            boolean everyone = "*".equals(r.path("principal").asText());
            boolean restricted =
                    r.hasNonNull("sourceArn")
                            || r.hasNonNull("sourceAccount")
                            || r.hasNonNull("principalOrgID");
            if (everyone && !restricted) {
                findings.add(
                        new Finding(Severity.CRITICAL, function, "Lambda permission for everyone")
                                .with("resource", function)
                                .with("grant", "principal * " + r.path("action").asText("")));
            }
        } else if (e.name().contains("FunctionUrlConfig")
                && "NONE".equals(r.path("authType").asText())) {
            findings.add(
                    new Finding(Severity.HIGH, function, "function URL without authentication")
                            .with("resource", function)
                            .with("grant", "function URL auth NONE"));
        }
    }

    private static void policy(
            JsonNode document, String resource, Severity severity, List<Finding> findings) {
        if (document.isMissingNode() || document.isNull()) {
            return;
        }
        PolicyDocument policy = PolicyDocument.of(document);
        if (!policy.publicStatements().isEmpty()) {
            StringBuilder actions = new StringBuilder();
            for (JsonNode st : policy.publicStatements()) {
                actions.append(String.join(" ", PolicyDocument.actions(st))).append(' ');
            }
            findings.add(
                    new Finding(severity, resource, "policy grants everyone")
                            .with("resource", resource)
                            .with("grant", "Principal * " + actions.toString().trim()));
        }
    }
}
