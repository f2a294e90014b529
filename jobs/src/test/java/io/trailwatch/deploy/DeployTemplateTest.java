package io.trailwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwatch.config.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
                        for (JsonNode s : policy.at("/PolicyDocument/Statement")) {
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
            for (JsonNode s : policy.at("/PolicyDocument/Statement")) {
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
    void propertyGroupsAreExactlyWhatTheJobReads() throws Exception {
        JsonNode groups =
                resource("AWS::KinesisAnalyticsV2::Application")
                        .at(
                                "/Properties/ApplicationConfiguration/EnvironmentProperties/PropertyGroups");
        Map<String, Set<String>> known = RunSettings.groups();
        Map<String, Properties> resolved = new TreeMap<>();
        for (JsonNode group : groups) {
            String id = group.get("PropertyGroupId").asText();
            assertThat(known).as("property group " + id).containsKey(id);
            Properties p = new Properties();
            for (Iterator<Map.Entry<String, JsonNode>> it = group.get("PropertyMap").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(known.get(id)).as("key in group " + id).contains(e.getKey());
                p.setProperty(e.getKey(), resolve(e.getValue()));
            }
            resolved.put(id, p);
        }
        assertThat(resolved).doesNotContainKey(RunSettings.JOB);

        // The job accepts the groups as they will arrive (intrinsics replaced by plausible values).
        RunSettings settings = RunSettings.from(resolved);
        assertThat(settings.cloudTrailStream).isNotNull();
        assertThat(settings.flowStream).isNotNull();
        assertThat(settings.tableLocation).startsWith("s3://");
        assertThat(settings.alertsStream).isNotNull();
    }

    /** An intrinsic function as the value CloudFormation would give it, for a plausible stack. */
    private static String resolve(JsonNode v) {
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.has("Ref")) {
            return reference(v.get("Ref").asText());
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

    private static String reference(String name) {
        if (name.equals("AWS::Region")) {
            return "eu-west-1";
        }
        JsonNode parameter = template.at("/Parameters/" + name + "/Default");
        if (!parameter.isMissingNode()) {
            return parameter.asText();
        }
        assertThat(resources.has(name)).as("reference to " + name).isTrue();
        // A physical name: lower case with dashes, as a stream or bucket name would be.
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
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
