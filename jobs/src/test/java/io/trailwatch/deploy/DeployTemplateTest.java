package io.trailwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.config.RunSettings;
import io.trailwatch.config.SlackWebhook;
import io.trailwatch.config.SnsMessageFormat;
import io.trailwatch.model.DeliveryFailure;
import io.trailwatch.ownership.AwsRangesFiles;
import io.trailwatch.ownership.source.AwsRangesReloader;
import io.trailwatch.ownership.source.OwnershipTableReloader;
import io.trailwatch.ownership.source.TableLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * least-privilege IAM, TLS-only topics, optional customer-managed keys, alarms on a topic of their
 * own whose metric filters match the log lines the job really writes, and property groups that the
 * job accepts exactly as the service will hand them over.
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
                        "AWS::SNS::TopicPolicy",
                        "AWS::SNS::Subscription",
                        "AWS::Logs::LogGroup",
                        "AWS::Logs::LogStream",
                        "AWS::Logs::MetricFilter",
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
        assertThat(types.get("AWS::SNS::Topic")).as("alerts, alarms").isEqualTo(2);
        assertThat(types.get("AWS::CloudWatch::Alarm")).isEqualTo(7);
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
    void theAlertTopicIsEncryptedWithItsOwnKey() throws Exception {
        JsonNode topic = resources.get(alertTopic()).get("Properties");
        String key = topic.at("/KmsMasterKeyId/Ref").asText();
        assertThat(resources.at("/" + key + "/Type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(resources.at("/" + key + "/Properties/EnableKeyRotation").asBoolean()).isTrue();
    }

    @Test
    void alarmsWatchTheApplicationsHealthDeadLettersUndeliveredAlertsAndRejectedTables() {
        Stack stack = new Stack(Map.of());
        Set<String> metrics = new TreeSet<>();
        forEachResource(
                "AWS::CloudWatch::Alarm",
                (n, r) ->
                        metrics.add(
                                stack.resolve(r.at("/Properties/Namespace"))
                                        + " "
                                        + r.at("/Properties/MetricName").asText()));
        assertThat(metrics)
                .containsExactlyInAnyOrder(
                        "AWS/KinesisAnalytics downtime",
                        "AWS/KinesisAnalytics numberOfFailedCheckpoints",
                        "AWS/KinesisAnalytics millisBehindLatest",
                        "AWS/Kinesis IncomingRecords",
                        "Trailwatch/trailwatch UndeliveredAlerts",
                        "Trailwatch/trailwatch RejectedOwnershipTables",
                        "Trailwatch/trailwatch RejectedAwsRanges");
    }

    @Test
    void alarmsNotifyATopicAndAKeyOfTheirOwnNotTheAlerts() throws Exception {
        // A failure of the alert topic or its key must not silence the alarms that tell of it.
        Set<String> notified = new TreeSet<>();
        forEachResource(
                "AWS::CloudWatch::Alarm",
                (n, alarm) -> {
                    List<JsonNode> actions = new ArrayList<>();
                    for (String kind :
                            List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
                        actions.addAll(list(alarm.at("/Properties/" + kind)));
                    }
                    assertThat(actions).as(n + " notifies").isNotEmpty();
                    for (JsonNode action : actions) {
                        notified.add(action.path("Ref").asText());
                    }
                });
        assertThat(notified).hasSize(1);
        String alarmTopic = notified.iterator().next();
        String alertTopic = alertTopic();
        assertThat(resources.at("/" + alarmTopic + "/Type").asText()).isEqualTo("AWS::SNS::Topic");
        assertThat(alarmTopic).isNotEqualTo(alertTopic);

        JsonNode alarmKey = resources.at("/" + alarmTopic + "/Properties/KmsMasterKeyId");
        JsonNode alertKey = resources.at("/" + alertTopic + "/Properties/KmsMasterKeyId");
        assertThat(alarmKey.isMissingNode() || !alarmKey.equals(alertKey))
                .as("the alarm topic's key (%s) is not the alert topic's (%s)", alarmKey, alertKey)
                .isTrue();
        if (!alarmKey.isMissingNode()) {
            // CloudWatch publishes alarms to an encrypted topic only with the topic's key.
            String key = alarmKey.path("Ref").asText();
            assertThat(resources.at("/" + key + "/Type").asText()).isEqualTo("AWS::KMS::Key");
            List<String> cloudWatchMay = new ArrayList<>();
            for (JsonNode st : resources.at("/" + key + "/Properties/KeyPolicy/Statement")) {
                if (st.at("/Principal/Service").asText().equals("cloudwatch.amazonaws.com")) {
                    cloudWatchMay.addAll(strings(st.get("Action")));
                }
            }
            assertThat(cloudWatchMay).contains("kms:Decrypt", "kms:GenerateDataKey*");
        }
    }

    @Test
    void undeliveredAlertsAreCountedFromTheLineTheJobLogs() throws Exception {
        DeliveryFailure failure =
                new DeliveryFailure(
                        "tw-2f1c",
                        "TW-OWN-01",
                        "slack",
                        "#secops (default)",
                        DeliveryFailure.NOT_CONFIGURED,
                        "secret not readable",
                        1,
                        1_790_000_000_000L,
                        "{\"alertId\":\"tw-2f1c\",\"ruleId\":\"TW-OWN-01\"}");
        List<ManagedFlinkLog.Event> events;
        try (ManagedFlinkLog log = new ManagedFlinkLog();
                // The output the streaming job gives its delivery stage (RunJob).
                DeliveryFailureWriter writer = DeliveryFailureOutput.log().open()) {
            writer.write(failure);
            events = log.events();
        }

        LogMetric metric = logMetric("UndeliveredAlerts");
        assertThat(events).hasSize(1);
        ManagedFlinkLog.Event line = events.get(0);
        assertThat(metric.pattern.matches(line.json())).as(line.json()).isTrue();
        assertThat(line.shippedAt(applicationLogLevel())).isTrue();
        assertThat(metric.pattern.matches(line.json().replace("\"ERROR\"", "\"WARN\""))).isFalse();
    }

    @Test
    void rejectedOwnershipTablesAreCountedFromTheLinesTheReloaderLogs() throws Exception {
        List<ManagedFlinkLog.Event> events;
        try (ManagedFlinkLog log = new ManagedFlinkLog()) {
            OwnershipTableReloader reloader =
                    new OwnershipTableReloader(
                            new Versions(
                                    "match,team\n111122223333,payments\n",
                                    "match,team\nnot-an-account,x\n",
                                    null));
            assertThat(reloader.poll()).as("the first version is published").isNotNull();
            assertThat(reloader.poll()).as("the broken one is rejected").isNull();
            assertThat(reloader.poll()).as("the unreadable one is rejected").isNull();
            assertThat(reloader.rejected()).isEqualTo(2);
            events = log.events();
        }

        LogMetric metric = logMetric("RejectedOwnershipTables");
        List<ManagedFlinkLog.Event> counted = new ArrayList<>();
        for (ManagedFlinkLog.Event e : events) {
            if (metric.pattern.matches(e.json())) {
                counted.add(e);
            }
        }
        assertThat(counted)
                .as("the two rejections, not the publication, among %s", events)
                .hasSize(2);
        assertThat(events).hasSizeGreaterThan(2);
        assertThat(counted).allMatch(e -> e.shippedAt(applicationLogLevel()));
    }

    @Test
    void rejectedAwsRangesAreCountedFromTheLinesTheReloaderLogs() throws Exception {
        List<ManagedFlinkLog.Event> events;
        try (ManagedFlinkLog log = new ManagedFlinkLog()) {
            AwsRangesReloader reloader =
                    new AwsRangesReloader(
                            new Versions(
                                    AwsRangesFiles.text(),
                                    "{\"syncToken\":\"1792050784\",\"prefixes\":[]}",
                                    null));
            assertThat(reloader.poll()).as("the first version is published").isNotNull();
            assertThat(reloader.poll()).as("the broken one is rejected").isNull();
            assertThat(reloader.poll()).as("the unreadable one is rejected").isNull();
            assertThat(reloader.rejected()).isEqualTo(2);
            events = log.events();
        }

        LogMetric metric = logMetric("RejectedAwsRanges");
        List<ManagedFlinkLog.Event> counted = new ArrayList<>();
        for (ManagedFlinkLog.Event e : events) {
            if (metric.pattern.matches(e.json())) {
                counted.add(e);
            }
        }
        assertThat(counted)
                .as("the two rejections, not the publication, among %s", events)
                .hasSize(2);
        assertThat(events).hasSizeGreaterThan(2);
        assertThat(counted).allMatch(e -> e.shippedAt(applicationLogLevel()));
        // the ownership table's filter does not count them, nor this one the table's
        assertThat(counted)
                .noneMatch(e -> logMetric("RejectedOwnershipTables").pattern.matches(e.json()));
    }

    @Test
    void awsRangesComeFromAwsByDefaultFromTheBucketWithItsGrantOrNotAtAll() throws Exception {
        JsonNode policies = resources.at("/ApplicationRole/Properties/Policies");

        Stack byDefault = new Stack(Map.of());
        assertThat(byDefault.settings().awsRangesLocation)
                .isEqualTo("https://ip-ranges.amazonaws.com/ip-ranges.json");
        assertThat(readsOfKey(byDefault.statements(policies), "config/ip-ranges.json")).isEmpty();

        Stack bucket = new Stack(Map.of("AwsRanges", "bucket"));
        RunSettings fromBucket = bucket.settings();
        assertThat(fromBucket.awsRangesLocation)
                .isEqualTo("s3://artifact-bucket/config/ip-ranges.json");
        assertThat(fromBucket.awsRangesReloadInterval).hasDays(1);
        assertThat(readsOfKey(bucket.statements(policies), "config/ip-ranges.json"))
                .containsExactly("s3:GetObject");

        Stack none = new Stack(Map.of("AwsRanges", "none"));
        assertThat(none.settings().awsRangesLocation).isNull();
        assertThat(readsOfKey(none.statements(policies), "config/ip-ranges.json")).isEmpty();
    }

    /** The actions of the statements whose resource is that key of the artifact bucket. */
    private List<String> readsOfKey(List<JsonNode> statements, String key) {
        Stack stack = new Stack(Map.of());
        List<String> actions = new ArrayList<>();
        for (JsonNode st : statements) {
            for (String resource : stack.resources(st)) {
                if (resource.endsWith("/" + key)) {
                    actions.addAll(strings(st.get("Action")));
                }
            }
        }
        return actions;
    }

    @Test
    void deadLettersAreCountedOnTheStreamTheJobWritesThemTo() throws Exception {
        RunSettings settings = new Stack(Map.of()).settings();
        JsonNode alarm = alarmOn("AWS/Kinesis", "IncomingRecords");
        JsonNode dimensions = alarm.at("/Properties/Dimensions");
        assertThat(dimensions).hasSize(1);
        assertThat(dimensions.get(0).get("Name").asText()).isEqualTo("StreamName");
        JsonNode stream = dimensions.get(0).get("Value");
        assertThat(resources.at("/" + stream.path("Ref").asText() + "/Type").asText())
                .isEqualTo("AWS::Kinesis::Stream");
        assertThat(new Stack(Map.of()).resolve(stream)).isEqualTo(settings.deadLettersStream);
        assertThat(settings.deadLettersStream).isNotEqualTo(settings.alertsStream);
        assertThat(alarm.at("/Properties/Statistic").asText()).isEqualTo("Sum");
        assertThat(alarm.at("/Properties/ComparisonOperator").asText())
                .isEqualTo("GreaterThanThreshold");
        assertThat(alarm.at("/Properties/Threshold").asDouble()).isZero();
    }

    @Test
    void everyTopicRefusesRequestsWithoutTls() {
        Set<String> tlsOnly = new TreeSet<>();
        forEachResource(
                "AWS::SNS::TopicPolicy",
                (n, policy) -> {
                    for (JsonNode topic : policy.at("/Properties/Topics")) {
                        for (JsonNode st : policy.at("/Properties/PolicyDocument/Statement")) {
                            if (st.path("Effect").asText().equals("Deny")
                                    && st.path("Principal").asText().equals("*")
                                    && strings(st.get("Action")).contains("sns:Publish")
                                    && st.get("Resource").equals(topic)
                                    && st.at("/Condition/Bool/aws:SecureTransport")
                                            .asText()
                                            .equals("false")) {
                                tlsOnly.add(topic.path("Ref").asText());
                            }
                        }
                    }
                });
        forEachResource(
                "AWS::SNS::Topic", (n, topic) -> assertThat(tlsOnly).as("TLS only").contains(n));
    }

    @Test
    void theLogSubscriptionRoleTrustsOnlyTheSubscribedLogGroups() {
        String trail = "/trailwatch/cloudtrail";
        String flow = "/trailwatch/vpc-flow";
        String groups = "arn:aws:logs:eu-west-1:" + Stack.ACCOUNT + ":log-group:";

        List<String> both =
                new Stack(Map.of("CloudTrailLogGroupName", trail, "FlowLogGroupName", flow))
                        .trustedLogGroups();
        assertThat(both)
                .allMatch(g -> g.startsWith(groups + trail) || g.startsWith(groups + flow))
                .anyMatch(g -> g.startsWith(groups + trail))
                .anyMatch(g -> g.startsWith(groups + flow));
        assertThat(new Stack(Map.of("FlowLogGroupName", flow)).trustedLogGroups())
                .isNotEmpty()
                .allMatch(g -> g.startsWith(groups + flow));
        assertThat(
                        new Stack(
                                        Map.of(
                                                "CloudTrailLogGroupName",
                                                trail,
                                                "CloudTrailDelivery",
                                                "EventBridge",
                                                "FlowLogGroupName",
                                                flow))
                                .trustedLogGroups())
                .as("no subscription, no trust")
                .allMatch(g -> g.startsWith(groups + flow));

        // The patterns admit the subscribed groups and nothing else of the account.
        for (String pattern : both) {
            for (String other :
                    List.of(
                            groups + "/other",
                            groups + "/other:*",
                            groups + trail + "-copy",
                            groups + trail + "-copy:*",
                            "arn:aws:logs:eu-west-1:" + Stack.ACCOUNT + ":destination:d")) {
                assertThat(JsonFilterPattern.glob(pattern).matcher(other).matches())
                        .as(pattern + " admits " + other)
                        .isFalse();
            }
        }
        assertThat(both)
                .anyMatch(p -> JsonFilterPattern.glob(p).matcher(groups + trail + ":*").matches())
                .anyMatch(p -> JsonFilterPattern.glob(p).matcher(groups + flow).matches());
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
                                if (coversMore(resource)) {
                                    findings.add(
                                            n
                                                    + ": Resource "
                                                    + resource
                                                    + " for "
                                                    + strings(s.get("Action")));
                                }
                            }
                        }
                    }
                });
        // Resource policies: what they allow is one resource, to a named principal.
        for (String type : List.of("AWS::SNS::TopicPolicy", "AWS::S3::BucketPolicy")) {
            forEachResource(
                    type,
                    (n, policy) -> {
                        for (JsonNode s : policy.at("/Properties/PolicyDocument/Statement")) {
                            if (!"Allow".equals(s.get("Effect").asText())) {
                                continue;
                            }
                            if (s.get("Principal").isTextual()) {
                                findings.add(n + ": allows every principal");
                            }
                            for (JsonNode resource : list(s.get("Resource"))) {
                                if (coversMore(resource)) {
                                    findings.add(n + ": Resource " + resource);
                                }
                            }
                        }
                    });
        }
        forEachResource(
                "AWS::KMS::Key",
                (n, key) -> {
                    for (JsonNode s : key.at("/Properties/KeyPolicy/Statement")) {
                        // The one exception to "no * resources": in a key policy Resource "*"
                        // is the key itself. Its actions and principals must be narrow.
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
        JsonNode policies = resources.at("/ApplicationRole/Properties/Policies");
        List<JsonNode> all =
                new Stack(Map.of("SlackWebhookSecretArn", SECRET)).statements(policies);

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
        assertThat(new Stack(Map.of()).statements(policies))
                .noneMatch(
                        s ->
                                strings(s.get("Action")).stream()
                                        .anyMatch(a -> a.startsWith("secretsmanager:")));
    }

    @Test
    void streamsAndTheLogUseCustomerManagedKeysOnlyWhenGiven() {
        for (String parameter : List.of("StreamKmsKeyArn", "LogKmsKeyArn")) {
            JsonNode p = template.at("/Parameters/" + parameter);
            assertThat(p.isMissingNode()).as("parameter " + parameter).isFalse();
            assertThat(p.get("Default").asText()).as(parameter).isEmpty();
            String pattern = p.get("AllowedPattern").asText();
            assertThat(STREAM_KEY).matches(pattern);
            assertThat(LOG_KEY).matches(pattern);
            assertThat("").matches(pattern);
            assertThat("alias/trailwatch").doesNotMatch(pattern);
        }
        Stack defaults = new Stack(Map.of());
        Stack keyed =
                new Stack(
                        Map.of(
                                "StreamKmsKeyArn",
                                STREAM_KEY,
                                "LogKmsKeyArn",
                                LOG_KEY,
                                "CloudTrailLogGroupName",
                                "/trailwatch/cloudtrail",
                                "FlowLogGroupName",
                                "/trailwatch/vpc-flow"));

        forEachResource(
                "AWS::Kinesis::Stream",
                (n, stream) -> {
                    JsonNode encryption = stream.at("/Properties/StreamEncryption");
                    assertThat(encryption.get("EncryptionType").asText()).isEqualTo("KMS");
                    assertThat(defaults.resolve(encryption.get("KeyId")))
                            .as(n)
                            .isEqualTo("alias/aws/kinesis");
                    assertThat(keyed.resolve(encryption.get("KeyId"))).as(n).isEqualTo(STREAM_KEY);
                });
        forEachResource(
                "AWS::Logs::LogGroup",
                (n, group) -> {
                    JsonNode key = group.at("/Properties/KmsKeyId");
                    assertThat(key.isMissingNode() ? null : defaults.resolve(key)).isNull();
                    assertThat(key.isMissingNode() ? null : keyed.resolve(key)).isEqualTo(LOG_KEY);
                });

        // Whoever writes to or reads from a stream may use its key, through Kinesis only.
        String viaKinesis = "kinesis.eu-west-1.amazonaws.com";
        forEachResource(
                "AWS::IAM::Role",
                (n, role) -> {
                    JsonNode policies = role.at("/Properties/Policies");
                    List<JsonNode> plain = defaults.statements(policies);
                    List<JsonNode> withKey = keyed.statements(policies);
                    assertThat(plain)
                            .as(n + " without a stream key")
                            .noneMatch(s -> keyed.resources(s).contains(STREAM_KEY));
                    if (allows(withKey, "kinesis:PutRecord")) {
                        assertThat(grantsViaKinesis(keyed, withKey, "kms:GenerateDataKey"))
                                .as(n + " writes to a stream")
                                .isTrue();
                    }
                    if (allows(withKey, "kinesis:GetRecords")) {
                        assertThat(grantsViaKinesis(keyed, withKey, "kms:Decrypt"))
                                .as(n + " reads a stream")
                                .isTrue();
                    }
                    for (JsonNode s : withKey) {
                        if (keyed.resources(s).contains(STREAM_KEY)) {
                            JsonNode via = s.at("/Condition/StringEquals/kms:ViaService");
                            assertThat(via.isMissingNode() ? null : keyed.resolve(via))
                                    .as(n + " uses the stream key through Kinesis only")
                                    .isEqualTo(viaKinesis);
                        }
                    }
                });
    }

    private static boolean grantsViaKinesis(Stack stack, List<JsonNode> statements, String action) {
        for (JsonNode s : statements) {
            if (allows(List.of(s), action) && stack.resources(s).contains(STREAM_KEY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an Allow statement grants {@code action} (patterns such as kms:GenerateDataKey*). */
    private static boolean allows(List<JsonNode> statements, String action) {
        for (JsonNode s : statements) {
            if (!"Allow".equals(s.path("Effect").asText())) {
                continue;
            }
            for (String a : strings(s.get("Action"))) {
                if (JsonFilterPattern.glob(a).matcher(action).matches()) {
                    return true;
                }
            }
        }
        return false;
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
    static final String STREAM_KEY =
            "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String LOG_KEY =
            "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef";

    /** A metric a filter on the application log counts, and the filter. */
    static final class LogMetric {
        final String namespace;
        final JsonFilterPattern pattern;

        LogMetric(String namespace, JsonFilterPattern pattern) {
            this.namespace = namespace;
            this.pattern = pattern;
        }
    }

    /**
     * The metric filter on the application's log group that produces {@code metricName}, checked to
     * feed an alarm.
     */
    private static LogMetric logMetric(String metricName) {
        Stack stack = new Stack(Map.of());
        List<LogMetric> found = new ArrayList<>();
        forEachResource(
                "AWS::Logs::MetricFilter",
                (n, filter) -> {
                    JsonNode props = filter.get("Properties");
                    for (JsonNode t : props.get("MetricTransformations")) {
                        if (t.get("MetricName").asText().equals(metricName)) {
                            assertThat(props.get("LogGroupName"))
                                    .as(n + " reads the application log")
                                    .isEqualTo(
                                            json("{\"Ref\": \"" + applicationLogGroup() + "\"}"));
                            assertThat(t.get("MetricValue").asText()).isEqualTo("1");
                            found.add(
                                    new LogMetric(
                                            stack.resolve(t.get("MetricNamespace")),
                                            JsonFilterPattern.parse(
                                                    props.get("FilterPattern").asText())));
                        }
                    }
                });
        assertThat(found).as("metric filters for " + metricName).hasSize(1);
        LogMetric metric = found.get(0);
        JsonNode alarm = alarmOn(metric.namespace, metricName);
        assertThat(alarm.at("/Properties/Statistic").asText()).isEqualTo("Sum");
        assertThat(alarm.at("/Properties/ComparisonOperator").asText())
                .isEqualTo("GreaterThanThreshold");
        assertThat(alarm.at("/Properties/Threshold").asDouble()).isZero();
        return metric;
    }

    private static JsonNode alarmOn(String namespace, String metricName) {
        Stack stack = new Stack(Map.of());
        List<JsonNode> found = new ArrayList<>();
        forEachResource(
                "AWS::CloudWatch::Alarm",
                (n, alarm) -> {
                    if (stack.resolve(alarm.at("/Properties/Namespace")).equals(namespace)
                            && alarm.at("/Properties/MetricName").asText().equals(metricName)) {
                        found.add(alarm);
                    }
                });
        assertThat(found).as("alarms on " + namespace + " " + metricName).hasSize(1);
        return found.get(0);
    }

    /** The log group the application's CloudWatch logging option writes to. */
    private static String applicationLogGroup() {
        String arn =
                resource("AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption")
                        .at("/Properties/CloudWatchLoggingOption/LogStreamARN/Fn::Sub")
                        .asText();
        Matcher m = Pattern.compile(":log-group:\\$\\{([A-Za-z]+)}:log-stream:").matcher(arn);
        assertThat(m.find()).as(arn).isTrue();
        return m.group(1);
    }

    private static String applicationLogLevel() {
        return resource("AWS::KinesisAnalyticsV2::Application")
                .at(
                        "/Properties/ApplicationConfiguration/FlinkApplicationConfiguration/MonitoringConfiguration/LogLevel")
                .asText();
    }

    /** The topic the application publishes its alerts to. */
    private static String alertTopic() throws Exception {
        String arn = new Stack(Map.of()).settings().delivery.sns.defaultTopicArn;
        List<String> found = new ArrayList<>();
        forEachResource(
                "AWS::SNS::Topic",
                (n, topic) -> {
                    if (new Stack(Map.of()).resolve(json("{\"Ref\": \"" + n + "\"}")).equals(arn)) {
                        found.add(n);
                    }
                });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /**
     * Whether a policy resource grants more than the resources it names: a {@code *} in it, or a
     * log group's ARN attribute (it ends in {@code :*}, every stream of the group).
     */
    private static boolean coversMore(JsonNode resource) {
        if (resource.isTextual()) {
            return resource.asText().contains("*");
        }
        if (resource.has("Fn::Sub")) {
            return resource.get("Fn::Sub").asText().contains("*");
        }
        if (resource.has("Fn::GetAtt")) {
            String of = resource.get("Fn::GetAtt").get(0).asText();
            return resources.at("/" + of + "/Type").asText().equals("AWS::Logs::LogGroup");
        }
        if (resource.has("Fn::If")) {
            return coversMore(resource.get("Fn::If").get(1))
                    || coversMore(resource.get("Fn::If").get(2));
        }
        return false;
    }

    /**
     * An ownership table location that hands out the given versions in turn; {@code null} fails.
     */
    private static final class Versions implements TableLocation {
        private final String[] versions;
        private int next;

        Versions(String... versions) {
            this.versions = versions;
        }

        @Override
        public Fetched fetch(String knownTag) throws IOException {
            int i = Math.min(next++, versions.length - 1);
            if (versions[i] == null) {
                throw new IOException("Access Denied (Service: S3, Status Code: 403)");
            }
            return new Fetched(versions[i].getBytes(StandardCharsets.UTF_8), "v" + i);
        }

        @Override
        public String describe() {
            return "s3://trailwatch-artifacts/config/ownership.csv";
        }
    }

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

        /**
         * The statements of a role's policies as this stack has them: a conditional (Fn::If)
         * statement resolved, or left out.
         */
        List<JsonNode> statements(JsonNode policies) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode policy : policies) {
                for (JsonNode s : policy.at("/PolicyDocument/Statement")) {
                    JsonNode effective = choose(s);
                    if (effective != null) {
                        out.add(effective);
                    }
                }
            }
            return out;
        }

        /** A statement's resources, resolved. */
        List<String> resources(JsonNode statement) {
            return resolveAll(statement.get("Resource"));
        }

        /**
         * The log groups CloudWatch Logs may assume the log subscription role for: the values of
         * its trust policy's {@code aws:SourceArn} condition, which must be there together with
         * {@code aws:SourceAccount}.
         */
        List<String> trustedLogGroups() {
            JsonNode role = resources.get("LogsToKinesisRole");
            JsonNode trust = role.at("/Properties/AssumeRolePolicyDocument/Statement");
            assertThat(trust).hasSize(1);
            assertThat(trust.get(0).at("/Principal/Service").asText())
                    .isEqualTo("logs.amazonaws.com");
            JsonNode condition = trust.get(0).get("Condition");
            assertThat(condition).as("trust condition").isNotNull();
            JsonNode account = condition.at("/StringEquals/aws:SourceAccount");
            assertThat(account.isMissingNode()).as("aws:SourceAccount condition").isFalse();
            assertThat(resolve(account)).as("aws:SourceAccount").isEqualTo(ACCOUNT);
            List<String> arns = new ArrayList<>();
            for (String operator : List.of("ArnLike", "ArnEquals", "StringLike", "StringEquals")) {
                JsonNode values = condition.at("/" + operator + "/aws:SourceArn");
                if (!values.isMissingNode()) {
                    arns.addAll(resolveAll(values));
                }
            }
            assertThat(arns).as("aws:SourceArn").isNotEmpty();
            return arns;
        }

        /** A value or list of values, each resolved, {@code AWS::NoValue} left out. */
        List<String> resolveAll(JsonNode v) {
            List<String> out = new ArrayList<>();
            for (JsonNode item : list(v)) {
                String value = resolve(item);
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        }

        private JsonNode choose(JsonNode v) {
            if (!v.has("Fn::If")) {
                return v;
            }
            JsonNode branches = v.get("Fn::If");
            JsonNode chosen = branches.get(condition(branches.get(0).asText()) ? 1 : 2);
            return chosen.path("Ref").asText().equals("AWS::NoValue") ? null : choose(chosen);
        }

        /** A value as CloudFormation would give it; {@code null} for {@code AWS::NoValue}. */
        String resolve(JsonNode v) {
            if (v.isValueNode()) {
                return v.asText();
            }
            if (v.has("Ref")) {
                return reference(v.get("Ref").asText());
            }
            if (v.has("Fn::GetAtt")) {
                return reference(v.get("Fn::GetAtt").get(0).asText())
                        + "."
                        + v.get("Fn::GetAtt").get(1).asText();
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
            if (name.contains(".") && !name.startsWith("AWS::")) {
                // ${Resource.Attribute} in a Fn::Sub
                String[] parts = name.split("\\.", 2);
                return reference(parts[0]) + "." + parts[1];
            }
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
        if (node == null || node.isMissingNode()) {
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
