package io.trailwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwatch.config.RunSettings;
import io.trailwatch.config.SlackWebhook;
import io.trailwatch.config.SnsMessageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code deploy/trailwatch.yaml} without an AWS account: the resources the deployment needs,
 * least-privilege IAM, and property groups that the job accepts exactly as the service will hand
 * them over.
 */
class DeployTemplateTest {
    static final Path TEMPLATE = Path.of("..", "deploy", "trailwatch.yaml");
    private static String text;
    private static JsonNode template;
    private static JsonNode resources;

    @BeforeAll
    static void load() throws Exception {
        text = Files.readString(TEMPLATE);
        template = new ObjectMapper(new YAMLFactory()).readTree(text);
        resources = template.get("Resources");
    }

    @Test
    void usesLongFormIntrinsicsOnly() {
        // Short-form tags (!Ref, !Sub, !GetAtt) are CloudFormation-only YAML: other tools, and this
        // test, would read them as plain strings.
        assertThat(text)
                .doesNotContainPattern("(?m)!(Ref|Sub|GetAtt|Join|If|Equals|Not|And|Or)\\b");
    }

    @Test
    void createsEveryPartOfTheDeployment() {
        Map<String, Integer> types = new TreeMap<>();
        resources
                .fields()
                .forEachRemaining(
                        e -> types.merge(e.getValue().get("Type").asText(), 1, Integer::sum));

        assertThat(types)
                .containsOnlyKeys(
                        "AWS::Kinesis::Stream",
                        "AWS::KinesisAnalyticsV2::Application",
                        "AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption",
                        "AWS::S3::Bucket",
                        "AWS::S3::BucketPolicy",
                        "AWS::KMS::Key",
                        "AWS::KMS::Alias",
                        "AWS::SNS::Topic",
                        "AWS::SNS::Subscription",
                        "AWS::Logs::LogGroup",
                        "AWS::Logs::LogStream",
                        "AWS::Logs::SubscriptionFilter",
                        "AWS::Events::Rule",
                        "AWS::IAM::Role",
                        "AWS::CloudWatch::Alarm");
        assertThat(types.get("AWS::Kinesis::Stream"))
                .as("cloudtrail, flow, alerts, dead letters")
                .isEqualTo(4);
        assertThat(types.get("AWS::Logs::SubscriptionFilter"))
                .as("CloudTrail and flow log groups")
                .isEqualTo(2);
        assertThat(types.get("AWS::CloudWatch::Alarm")).isEqualTo(3);
    }

    @Test
    void theApplicationRunsFlink120WithCheckpointsSnapshotsAndLogging() {
        JsonNode app = resource("AWS::KinesisAnalyticsV2::Application").get("Properties");
        assertThat(app.get("RuntimeEnvironment").asText()).isEqualTo("FLINK-1_20");
        JsonNode config = app.get("ApplicationConfiguration");
        JsonNode flink = config.get("FlinkApplicationConfiguration");
        assertThat(flink.at("/CheckpointConfiguration/CheckpointingEnabled").asBoolean()).isTrue();
        assertThat(flink.at("/ParallelismConfiguration/Parallelism").has("Ref")).isTrue();
        assertThat(flink.at("/MonitoringConfiguration/LogLevel").asText()).isNotBlank();
        assertThat(config.at("/ApplicationSnapshotConfiguration/SnapshotsEnabled").asBoolean())
                .isTrue();
        assertThat(
                        app.at(
                                        "/RunConfiguration/ApplicationRestoreConfiguration/ApplicationRestoreType")
                                .asText())
                .isEqualTo("RESTORE_FROM_LATEST_SNAPSHOT");
        assertThat(config.at("/ApplicationCodeConfiguration/CodeContentType").asText())
                .isEqualTo("ZIPFILE");
        assertThat(resource("AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption"))
                .isNotNull();
    }

    @Test
    void theAlertTopicIsEncryptedWithItsOwnKey() {
        JsonNode topic = resource("AWS::SNS::Topic").get("Properties");
        assertThat(topic.at("/KmsMasterKeyId/Ref").asText()).isEqualTo(name("AWS::KMS::Key"));
        assertThat(resource("AWS::KMS::Key").at("/Properties/EnableKeyRotation").asBoolean())
                .isTrue();
    }

    @Test
    void alarmsWatchDowntimeCheckpointFailuresAndReadLag() {
        Set<String> metrics = new TreeSet<>();
        forEachResource(
                "AWS::CloudWatch::Alarm",
                (n, r) -> {
                    metrics.add(r.at("/Properties/MetricName").asText());
                    assertThat(r.at("/Properties/Namespace").asText())
                            .isEqualTo("AWS/KinesisAnalytics");
                    assertThat(r.at("/Properties/AlarmActions")).as(n + " notifies").isNotEmpty();
                });
        assertThat(metrics)
                .containsExactlyInAnyOrder(
                        "downtime", "numberOfFailedCheckpoints", "millisBehindLatest");
    }

    @Test
    void iamGrantsNoWildcardActionsOrResources() {
        List<String> findings = new ArrayList<>();
        forEachResource(
                "AWS::IAM::Role",
                (n, role) -> {
                    JsonNode props = role.get("Properties");
                    for (JsonNode s : props.at("/AssumeRolePolicyDocument/Statement")) {
                        if (!s.at("/Principal/Service").isTextual()) {
                            findings.add(
                                    n + ": trust policy must name one service principal: " + s);
                        }
                    }
                    for (JsonNode policy : props.path("Policies")) {
                        for (JsonNode s : statements(policy)) {
                            if (!"Allow".equals(s.get("Effect").asText())) {
                                continue;
                            }
                            for (String action : strings(s.get("Action"))) {
                                if (action.equals("*") || action.endsWith(":*")) {
                                    findings.add(n + ": wildcard action " + action);
                                }
                            }
                            for (JsonNode resource : list(s.get("Resource"))) {
                                if (resource.isTextual() && resource.asText().equals("*")) {
                                    findings.add(
                                            n + ": Resource \"*\" for " + strings(s.get("Action")));
                                }
                            }
                        }
                    }
                });
        forEachResource(
                "AWS::KMS::Key",
                (n, key) -> {
                    for (JsonNode s : key.at("/Properties/KeyPolicy/Statement")) {
                        // Resource "*" in a key policy is the key itself; actions and principals
                        // are
                        // what must be narrow.
                        for (String action : strings(s.get("Action"))) {
                            if (action.equals("*") || action.equals("kms:*")) {
                                findings.add(n + ": wildcard action " + action);
                            }
                        }
                        if (s.get("Principal").isTextual()) {
                            findings.add(n + ": key policy open to every principal");
                        }
                    }
                });
        assertThat(findings).isEmpty();
    }

    @Test
    void theApplicationRoleCanReadTheInputsWriteTheOutputsAndNothingMore() {
        JsonNode role = resources.get("ApplicationRole").get("Properties");
        Set<String> actions = new TreeSet<>();
        for (JsonNode policy : role.get("Policies")) {
            for (JsonNode s : statements(policy)) {
                actions.addAll(strings(s.get("Action")));
            }
        }
        assertThat(actions)
                .contains(
                        "kinesis:GetRecords",
                        "kinesis:GetShardIterator",
                        "kinesis:ListShards",
                        "kinesis:PutRecords",
                        "s3:GetObject")
                .doesNotContain(
                        "kinesis:CreateStream",
                        "kinesis:DeleteStream",
                        "s3:PutObject",
                        "iam:PassRole");
    }

    @Test
    void theRoleMayPublishToTheAlertTopicWithItsKeyAndReadOnlyTheGivenSlackSecret() {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> conditional = new ArrayList<>();
        for (JsonNode policy : resources.at("/ApplicationRole/Properties/Policies")) {
            for (JsonNode s : policy.at("/PolicyDocument/Statement")) {
                if (s.has("Fn::If")) {
                    conditional.add(s.get("Fn::If"));
                }
            }
            all.addAll(statements(policy));
        }

        JsonNode publish = onlyStatementWith(all, "sns:");
        assertThat(strings(publish.get("Action"))).containsExactly("sns:Publish");
        assertThat(publish.get("Resource")).isEqualTo(json("{\"Ref\": \"AlertTopic\"}"));

        JsonNode key = onlyStatementWith(all, "kms:");
        assertThat(strings(key.get("Action")))
                .containsExactlyInAnyOrder("kms:GenerateDataKey*", "kms:Decrypt");
        assertThat(key.get("Resource"))
                .isEqualTo(json("{\"Fn::GetAtt\": [\"AlertKey\", \"Arn\"]}"));

        JsonNode secret = onlyStatementWith(all, "secretsmanager:");
        assertThat(strings(secret.get("Action"))).containsExactly("secretsmanager:GetSecretValue");
        assertThat(secret.get("Resource")).isEqualTo(json("{\"Ref\": \"SlackWebhookSecretArn\"}"));
        // ... and only when a secret is given.
        assertThat(conditional).hasSize(1);
        JsonNode onlyWithSecret = conditional.get(0);
        assertThat(onlyWithSecret.get(1)).isEqualTo(secret);
        assertThat(onlyWithSecret.get(2)).isEqualTo(json("{\"Ref\": \"AWS::NoValue\"}"));
        String condition = onlyWithSecret.get(0).asText();
        assertThat(new Stack(Map.of()).condition(condition)).isFalse();
        assertThat(new Stack(Map.of("SlackWebhookSecretArn", SECRET)).condition(condition))
                .isTrue();
    }

    @Test
    void propertyGroupsAreExactlyWhatTheJobReads() throws Exception {
        RunSettings settings = new Stack(Map.of()).settings();

        assertThat(settings.cloudTrailStream).isNotNull();
        assertThat(settings.flowStream).isNotNull();
        assertThat(settings.tableLocation).startsWith("s3://");
        assertThat(settings.alertsStream).isNotNull();
        // Trailwatch publishes alerts to the stack's topic; no Slack without a secret.
        assertThat(settings.delivery.sns.defaultTopicArn).isEqualTo(Stack.TOPIC_ARN);
        assertThat(settings.delivery.sns.format).isEqualTo(SnsMessageFormat.JSON);
        assertThat(settings.delivery.slack).isNull();
        assertThat(settings.delivery.defaultDestinations).containsExactly("sns");
    }

    @Test
    void aSlackSecretParameterBecomesTheDefaultWebhook() throws Exception {
        RunSettings settings =
                new Stack(Map.of("SlackWebhookSecretArn", SECRET, "AlertMessageFormat", "chatbot"))
                        .settings();

        assertThat(settings.delivery.sns.defaultTopicArn).isEqualTo(Stack.TOPIC_ARN);
        assertThat(settings.delivery.sns.format).isEqualTo(SnsMessageFormat.CHATBOT);
        assertThat(settings.delivery.slack.webhooks).hasSize(1);
        assertThat(settings.delivery.slack.webhook(SlackWebhook.ANY_CHANNEL).secretId)
                .isEqualTo(SECRET);
        assertThat(settings.delivery.defaultDestinations).containsExactly("sns", "slack");
        String pattern = template.at("/Parameters/SlackWebhookSecretArn/AllowedPattern").asText();
        assertThat(SECRET).matches(pattern);
        assertThat("").matches(pattern);
        assertThat("trailwatch/slack").doesNotMatch(pattern);
    }

    static final String SECRET =
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:trailwatch/slack-AbCdEf";

    /**
     * The template as CloudFormation would resolve it for a plausible stack with some parameters
     * given (the rest at their defaults): intrinsics in property values, conditions.
     */
    static final class Stack {
        static final String ACCOUNT = "111122223333";
        static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:" + ACCOUNT + ":alert-topic";

        private final Map<String, String> parameters;

        Stack(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        /**
         * The application's property groups, each key checked to be one the job reads, and read by
         * the job as the service will hand them over.
         */
        RunSettings settings() throws Exception {
            JsonNode groups =
                    resource("AWS::KinesisAnalyticsV2::Application")
                            .at(
                                    "/Properties/ApplicationConfiguration/EnvironmentProperties/PropertyGroups");
            Map<String, Properties> resolved = new TreeMap<>();
            for (JsonNode group : groups) {
                String id = group.get("PropertyGroupId").asText();
                assertThat(RunSettings.groups()).as("property group " + id).containsKey(id);
                Properties p = new Properties();
                for (Iterator<Map.Entry<String, JsonNode>> it = group.get("PropertyMap").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    assertThat(RunSettings.accepts(id, e.getKey()))
                            .as("key " + e.getKey() + " in group " + id)
                            .isTrue();
                    String value = resolve(e.getValue());
                    if (value != null) {
                        p.setProperty(e.getKey(), value);
                    }
                }
                resolved.put(id, p);
            }
            assertThat(resolved).doesNotContainKey(RunSettings.JOB);
            return RunSettings.from(resolved);
        }

        /** A value as CloudFormation would give it; {@code null} for {@code AWS::NoValue}. */
        String resolve(JsonNode v) {
            if (v.isValueNode()) {
                return v.asText();
            }
            if (v.has("Ref")) {
                return reference(v.get("Ref").asText());
            }
            if (v.has("Fn::If")) {
                JsonNode branches = v.get("Fn::If");
                return resolve(branches.get(condition(branches.get(0).asText()) ? 1 : 2));
            }
            if (v.has("Fn::Sub")) {
                Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(v.get("Fn::Sub").asText());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(reference(m.group(1))));
                }
                m.appendTail(out);
                return out.toString();
            }
            throw new AssertionError("unexpected intrinsic in a property value: " + v);
        }

        boolean condition(String name) {
            JsonNode c = template.at("/Conditions/" + name);
            assertThat(c.isMissingNode()).as("condition " + name).isFalse();
            return evaluate(c);
        }

        private boolean evaluate(JsonNode c) {
            if (c.has("Condition")) {
                return condition(c.get("Condition").asText());
            }
            if (c.has("Fn::Equals")) {
                return Objects.equals(
                        resolve(c.get("Fn::Equals").get(0)), resolve(c.get("Fn::Equals").get(1)));
            }
            if (c.has("Fn::Not")) {
                return !evaluate(c.get("Fn::Not").get(0));
            }
            boolean and = c.has("Fn::And");
            JsonNode terms = and ? c.get("Fn::And") : c.get("Fn::Or");
            assertThat(terms).as("a condition function: " + c).isNotNull();
            for (JsonNode t : terms) {
                if (evaluate(t) != and) {
                    return !and;
                }
            }
            return and;
        }

        private String reference(String name) {
            switch (name) {
                case "AWS::Region":
                    return "eu-west-1";
                case "AWS::AccountId":
                    return ACCOUNT;
                case "AWS::Partition":
                    return "aws";
                case "AWS::NoValue":
                    return null;
                default:
                    break;
            }
            if (parameters.containsKey(name)) {
                return parameters.get(name);
            }
            JsonNode parameter = template.at("/Parameters/" + name + "/Default");
            if (!parameter.isMissingNode()) {
                return parameter.asText();
            }
            assertThat(resources.has(name)).as("reference to " + name).isTrue();
            // A physical name: lower case with dashes, as a stream or bucket name would be.
            String physical = name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            if (resources.at("/" + name + "/Type").asText().equals("AWS::SNS::Topic")) {
                // Ref of a topic is its ARN.
                return "arn:aws:sns:eu-west-1:" + ACCOUNT + ":" + physical;
            }
            return physical;
        }
    }

    /** A policy's statements, both branches of a conditional (Fn::If) one included. */
    private static List<JsonNode> statements(JsonNode policy) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : policy.at("/PolicyDocument/Statement")) {
            if (s.has("Fn::If")) {
                for (int branch = 1; branch <= 2; branch++) {
                    JsonNode b = s.get("Fn::If").get(branch);
                    if (!b.has("Ref")) {
                        out.add(b);
                    }
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static JsonNode onlyStatementWith(List<JsonNode> statements, String actionPrefix) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : statements) {
            if (strings(s.get("Action")).stream().anyMatch(a -> a.startsWith(actionPrefix))) {
                found.add(s);
            }
        }
        assertThat(found).as("statements granting " + actionPrefix + "*").hasSize(1);
        return found.get(0);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode resource(String type) {
        return resources.get(name(type));
    }

    private static String name(String type) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().get("Type").asText().equals(type)) {
                return e.getKey();
            }
        }
        throw new AssertionError("no " + type + " in " + TEMPLATE);
    }

    private static void forEachResource(
            String type, java.util.function.BiConsumer<String, JsonNode> check) {
        resources
                .fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue().get("Type").asText().equals(type)) {
                                check.accept(e.getKey(), e.getValue());
                            }
                        });
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node)) {
            out.add(n.asText());
        }
        return out;
    }
}
