package io.trailwatch.ingest;

import static io.trailwatch.ingest.Decoded.gzip;
import static io.trailwatch.ingest.Decoded.resource;
import static io.trailwatch.ingest.Decoded.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.model.CloudTrailEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CloudTrailDecodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEveryEventOfAPlainLogFile() {
        Decoded d = Decoded.file(resource("cloudtrail/log-file.json"));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events)
                .extracting(e -> e.eventName)
                .containsExactly("ListBuckets", "AuthorizeSecurityGroupIngress", "GenerateDataKey");
        assertThat(d.events)
                .extracting(e -> e.origin)
                .containsExactly(
                        "test-file Records[0]", "test-file Records[1]", "test-file Records[2]");
    }

    @Test
    void readsAGzipLogFileByContentNotName() {
        Decoded d = Decoded.file(gzip(resource("cloudtrail/log-file.json")));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events).hasSize(3);
    }

    @Test
    void keepsTheFieldsDetectorsNeed() throws Exception {
        CloudTrailEvent e = Decoded.file(resource("cloudtrail/log-file.json")).events.get(0);

        assertThat(e.eventId).isEqualTo("3b1f0c52-7d0e-4b8a-9f67-1a2b3c4d5e01");
        assertThat(e.eventTime).isEqualTo(Instant.parse("2026-10-14T10:05:12Z").toEpochMilli());
        assertThat(e.eventSource).isEqualTo("s3.amazonaws.com");
        assertThat(e.awsRegion).isEqualTo("eu-west-1");
        assertThat(e.sourceIpAddress).isEqualTo("198.51.100.77");
        assertThat(e.readOnly).isTrue();
        assertThat(e.managementEvent).isTrue();
        assertThat(e.eventType).isEqualTo("AwsApiCall");
        assertThat(e.eventCategory).isEqualTo("Management");
        assertThat(e.account()).isEqualTo("111122223333");
        assertThat(e.failed()).isFalse();
        assertThat(e.principal())
                .isEqualTo(
                        "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890");
        assertThat(e.userIdentity.type).isEqualTo("AssumedRole");
        assertThat(e.userIdentity.accessKeyId).isEqualTo("ASIAEXAMPLEKEY123456");
        assertThat(e.userIdentity.sessionIssuerArn)
                .isEqualTo("arn:aws:iam::111122223333:role/payments-web-role");
        assertThat(e.userIdentity.sessionIssuerType).isEqualTo("Role");
        assertThat(e.userIdentity.sessionIssuerUserName).isEqualTo("payments-web-role");
        assertThat(e.userIdentity.mfaAuthenticated).isFalse();
        assertThat(e.userIdentity.ec2RoleDelivery).isEqualTo("1.0");
        assertThat(e.responseElements).isNull();
        assertThat(JSON.readTree(e.requestParameters))
                .isEqualTo(JSON.readTree("{\"Host\":\"s3.eu-west-1.amazonaws.com\"}"));
        assertThat(JSON.readTree(e.additionalEventData).get("bytesTransferredOut").asLong())
                .isEqualTo(812);
    }

    @Test
    void keepsNestedRequestDocumentsVerbatim() throws Exception {
        CloudTrailEvent e = Decoded.file(resource("cloudtrail/log-file.json")).events.get(1);

        JsonNode params = JSON.readTree(e.requestParameters);
        assertThat(params.at("/ipPermissions/items/0/ipRanges/items/0/cidrIp").asText())
                .isEqualTo("0.0.0.0/0");
        assertThat(params.at("/ipPermissions/items/0/fromPort").asInt()).isEqualTo(22);
        assertThat(
                        JSON.readTree(e.responseElements)
                                .at("/securityGroupRuleSet/items/0/securityGroupRuleId")
                                .asText())
                .isEqualTo("sgr-0123456789abcdef0");
        assertThat(e.userIdentity.userName).isEqualTo("dev-jlee");
    }

    @Test
    void readsServiceEventsAndResources() {
        CloudTrailEvent e = Decoded.file(resource("cloudtrail/log-file.json")).events.get(2);

        assertThat(e.userIdentity.type).isEqualTo("AWSService");
        assertThat(e.userIdentity.invokedBy).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(e.principal()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(e.sharedEventId).isEqualTo("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
        assertThat(e.resources).hasSize(1);
        assertThat(e.resources[0].type).isEqualTo("AWS::KMS::Key");
        assertThat(e.resources[0].arn)
                .isEqualTo(
                        "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(e.resources[0].accountId).isEqualTo("111122223333");
    }

    @Test
    void readsAPrettyPrintedLogFile() throws Exception {
        String pretty =
                JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(JSON.readTree(resource("cloudtrail/log-file.json")));

        Decoded d = Decoded.file(utf8(pretty));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events).hasSize(3);
    }

    @Test
    void readsOneRecordPerLine() throws Exception {
        JsonNode file = JSON.readTree(resource("cloudtrail/log-file.json"));
        String lines = "";
        for (JsonNode record : file.get("Records")) {
            lines += JSON.writeValueAsString(record) + "\n";
        }

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events)
                .extracting(e -> e.origin)
                .containsExactly("test-file line 1", "test-file line 2", "test-file line 3");
    }

    @Test
    void readsASingleRecordFile() {
        Decoded d = Decoded.file(resource("cloudtrail/console-login.json"));

        assertThat(d.deadLetters).isEmpty();
        CloudTrailEvent e = d.events.get(0);
        assertThat(e.eventName).isEqualTo("ConsoleLogin");
        assertThat(e.eventType).isEqualTo("AwsConsoleSignIn");
        assertThat(e.responseElements).isEqualTo("{\"ConsoleLogin\":\"Success\"}");
        assertThat(e.requestParameters).isNull();
    }

    @Test
    void readsEventBridgeEnvelopesIncludingSignIn() {
        Decoded d = Decoded.file(resource("cloudtrail/eventbridge.jsonl"));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events)
                .extracting(e -> e.eventName)
                .containsExactly("StopLogging", "ConsoleLogin");
        assertThat(d.events.get(0).userIdentity.userName).isEqualTo("ops-temp");
        assertThat(d.events.get(0).recipientAccountId).isEqualTo("777788889999");
    }

    @Test
    void readsAnEventBridgeEnvelopeAsAKinesisRecord() {
        String firstLine = new String(resource("cloudtrail/eventbridge.jsonl")).split("\n")[0];

        Decoded d = Decoded.kinesisRecord(utf8(firstLine));

        assertThat(d.events).extracting(e -> e.eventName).containsExactly("StopLogging");
        assertThat(d.events.get(0).origin).isEqualTo("stream/shard-0/seq-1");
    }

    @Test
    void refusesEventBridgeEventsThatAreNotFromCloudTrail() {
        String guardDuty =
                "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\","
                        + "\"account\":\"111122223333\",\"time\":\"2026-10-14T10:00:00Z\",\"region\":\"eu-west-1\","
                        + "\"resources\":[],\"detail\":{\"id\":\"abc\",\"type\":\"Recon:EC2/PortProbeUnprotectedPort\"}}";

        Decoded d = Decoded.kinesisRecord(utf8(guardDuty));

        assertThat(d.events).isEmpty();
        assertThat(d.deadLetterReasons()).containsExactly("unsupported-eventbridge-event");
        assertThat(d.deadLetters.get(0).detail).contains("GuardDuty Finding");
    }

    @Test
    void readsCloudWatchLogsSubscriptionPayloads() throws Exception {
        JsonNode file = JSON.readTree(resource("cloudtrail/log-file.json"));
        String payload =
                "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",\"logGroup\":\"aws-cloudtrail-logs\","
                        + "\"logStream\":\"111122223333_CloudTrail_eu-west-1\",\"subscriptionFilters\":[\"trailwatch\"],"
                        + "\"logEvents\":["
                        + logEvent("36001", JSON.writeValueAsString(file.get("Records").get(0)))
                        + ","
                        + logEvent("36002", JSON.writeValueAsString(file.get("Records").get(1)))
                        + ","
                        + logEvent(
                                "36003",
                                "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 443 6 12 1500 1760438400 1760438460 ACCEPT OK")
                        + "]}";

        Decoded d = Decoded.kinesisRecord(gzip(utf8(payload)));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events)
                .extracting(e -> e.eventName)
                .containsExactly("ListBuckets", "AuthorizeSecurityGroupIngress");
        assertThat(d.events.get(1).origin).isEqualTo("stream/shard-0/seq-1 logEvent 36002");
        assertThat(d.flows).hasSize(1);
        assertThat(d.flows.get(0).dstPort).isEqualTo(443);
    }

    @Test
    void countsCloudWatchControlMessagesWithoutDecoding() {
        String control =
                "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
                        + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1760438400000,"
                        + "\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.\"}]}";

        Decoded d = Decoded.kinesisRecord(gzip(utf8(control)));

        assertThat(d.events).isEmpty();
        assertThat(d.deadLetters).isEmpty();
        assertThat(d.skipped).containsEntry(SkipKind.CLOUDWATCH_CONTROL_MESSAGE, 1);
    }

    @Test
    void readsConcatenatedPayloadsAsFirehoseWritesThem() throws Exception {
        JsonNode file = JSON.readTree(resource("cloudtrail/log-file.json"));
        List<String> payloads =
                List.of(0, 1, 2).stream()
                        .map(
                                i ->
                                        "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",\"logEvents\":["
                                                + logEvent(
                                                        "id" + i,
                                                        file.get("Records").get(i).toString())
                                                + "]}")
                        .collect(Collectors.toList());

        Decoded d = Decoded.file(gzip(utf8(String.join("", payloads))));

        assertThat(d.deadLetters).isEmpty();
        assertThat(d.events).hasSize(3);
    }

    private static String logEvent(String id, String message) {
        return "{\"id\":\""
                + id
                + "\",\"timestamp\":1760436312000,\"message\":"
                + quote(message)
                + "}";
    }

    private static String quote(String s) {
        return "\""
                + new String(
                        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                                .quoteAsString(s))
                + "\"";
    }
}
