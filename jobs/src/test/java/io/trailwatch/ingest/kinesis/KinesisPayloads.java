package io.trailwatch.ingest.kinesis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Kinesis record payloads in every shape production delivers them, for the streaming tests. */
final class KinesisPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KinesisPayloads() {}

    /** A CloudTrail record (the fields the decoder requires, and an account). */
    static ObjectNode cloudTrail(String account, String eventId, Instant eventTime) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventVersion", "1.09");
        ObjectNode who = e.putObject("userIdentity");
        who.put("type", "IAMUser");
        who.put("principalId", "AIDAEXAMPLE" + account);
        who.put("arn", "arn:aws:iam::" + account + ":user/dev");
        who.put("accountId", account);
        who.put("userName", "dev");
        e.put("eventTime", eventTime.toString());
        e.put("eventSource", "ec2.amazonaws.com");
        e.put("eventName", "DescribeInstances");
        e.put("awsRegion", "eu-west-1");
        e.put("sourceIPAddress", "198.51.100.7");
        e.put("userAgent", "aws-cli/2.15.0");
        e.putNull("requestParameters");
        e.putNull("responseElements");
        e.put("requestID", "req-" + eventId);
        e.put("eventID", eventId);
        e.put("readOnly", true);
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", true);
        e.put("recipientAccountId", account);
        e.put("eventCategory", "Management");
        return e;
    }

    static byte[] raw(ObjectNode cloudTrail) {
        return bytes(cloudTrail.toString());
    }

    /** What an EventBridge rule with a Kinesis target delivers. */
    static byte[] eventBridge(ObjectNode cloudTrail) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", "eb-" + cloudTrail.get("eventID").asText());
        e.put("detail-type", "AWS API Call via CloudTrail");
        e.put("source", "aws.ec2");
        e.put("account", cloudTrail.get("recipientAccountId").asText());
        e.put("time", cloudTrail.get("eventTime").asText());
        e.put("region", "eu-west-1");
        e.putArray("resources");
        e.set("detail", cloudTrail);
        return bytes(e.toString());
    }

    /** A CloudWatch Logs subscription payload: gzip JSON with one log event per message. */
    static byte[] cloudWatchLogs(String logGroup, List<String> messages) {
        ObjectNode p = JSON.createObjectNode();
        p.put("messageType", "DATA_MESSAGE");
        p.put("owner", "123456789012");
        p.put("logGroup", logGroup);
        p.put("logStream", "stream-1");
        ArrayNode filters = p.putArray("subscriptionFilters");
        filters.add("trailwatch");
        ArrayNode events = p.putArray("logEvents");
        long id = 1000;
        for (String m : messages) {
            ObjectNode e = events.addObject();
            e.put("id", String.valueOf(id++));
            e.put("timestamp", 1_790_000_000_000L);
            e.put("message", m);
        }
        return gzip(bytes(p.toString()));
    }

    /** The test message CloudWatch Logs sends when a subscription is created. */
    static byte[] controlMessage() {
        ObjectNode p = JSON.createObjectNode();
        p.put("messageType", "CONTROL_MESSAGE");
        p.put("owner", "CloudwatchLogs");
        p.put("logGroup", "");
        p.put("logStream", "");
        p.putArray("subscriptionFilters");
        ArrayNode events = p.putArray("logEvents");
        ObjectNode e = events.addObject();
        e.put("id", "");
        e.put("timestamp", 1_790_000_000_000L);
        e.put("message", "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.");
        return gzip(bytes(p.toString()));
    }

    /** A default-format (version 2) flow log line. */
    static String flowLine(String account, String eni, Instant start, String action) {
        long s = start.getEpochSecond();
        return String.join(
                " ",
                "2",
                account,
                eni,
                "10.0.1.5",
                "203.0.113.9",
                "443",
                "49152",
                "6",
                "10",
                "8400",
                String.valueOf(s),
                String.valueOf(s + 60),
                action,
                "OK");
    }

    static byte[] lines(String... lines) {
        return bytes(String.join("\n", lines) + "\n");
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first half of a gzip stream. */
    static byte[] truncated(byte[] gzip) {
        return Arrays.copyOf(gzip, gzip.length / 2);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
