package io.trailwatch.detect.signals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.ingest.DecodedListener;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * CloudTrail records in the real record format, decoded by the production decoder, for the signal
 * extraction tests.
 */
public final class CloudTrailJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String ACCOUNT = "111122223333";

    private final ObjectNode record = JSON.createObjectNode();

    private CloudTrailJson(String source, String name) {
        record.put("eventVersion", "1.10");
        record.put("eventTime", "2026-10-14T10:05:12Z");
        record.put("eventSource", source);
        record.put("eventName", name);
        record.put("awsRegion", "eu-west-1");
        record.put("sourceIPAddress", "203.0.113.10");
        record.put("userAgent", "aws-cli/2.15.30");
        record.putNull("requestParameters");
        record.putNull("responseElements");
        record.put("eventID", "e-" + name);
        record.put("readOnly", false);
        record.put("eventType", "AwsApiCall");
        record.put("managementEvent", true);
        record.put("recipientAccountId", ACCOUNT);
        record.put("eventCategory", "Management");
        iamUser("dev-jlee");
    }

    public static CloudTrailJson call(String source, String name) {
        return new CloudTrailJson(source, name);
    }

    public static CloudTrailJson consoleLogin(String user, String result) {
        CloudTrailJson r = new CloudTrailJson("signin.amazonaws.com", "ConsoleLogin");
        ObjectNode id = r.record.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDAEXAMPLE");
        id.put("accountId", ACCOUNT);
        id.put("accessKeyId", "");
        id.put("userName", user);
        r.record.put("eventType", "AwsConsoleSignIn");
        r.record.set("responseElements", tree("{\"ConsoleLogin\":\"" + result + "\"}"));
        r.record.set(
                "additionalEventData",
                tree(
                        "{\"LoginTo\":\"https://console.aws.amazon.com\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"}"));
        if ("Failure".equals(result)) {
            r.record.put("errorMessage", "Failed authentication");
        }
        return r;
    }

    public CloudTrailJson id(String eventId) {
        record.put("eventID", eventId);
        return this;
    }

    public CloudTrailJson at(String isoTime) {
        record.put("eventTime", isoTime);
        return this;
    }

    public CloudTrailJson from(String sourceIp) {
        record.put("sourceIPAddress", sourceIp);
        return this;
    }

    public CloudTrailJson request(String json) {
        record.set("requestParameters", tree(json));
        return this;
    }

    public CloudTrailJson additional(String json) {
        record.set("additionalEventData", tree(json));
        return this;
    }

    public CloudTrailJson failed(String errorCode) {
        record.put("errorCode", errorCode);
        record.put("errorMessage", "not authorized");
        return this;
    }

    public CloudTrailJson readOnly() {
        record.put("readOnly", true);
        return this;
    }

    /** An S3 (or other) data event rather than a management event. */
    public CloudTrailJson dataEvent() {
        record.put("managementEvent", false);
        record.put("eventCategory", "Data");
        return this;
    }

    public CloudTrailJson eventType(String type) {
        record.put("eventType", type);
        return this;
    }

    public CloudTrailJson iamUser(String user) {
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDAEXAMPLE");
        id.put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + user);
        id.put("accountId", ACCOUNT);
        id.put("userName", user);
        return this;
    }

    public CloudTrailJson assumedRole(String rolePath, String session) {
        String role = rolePath.substring(rolePath.lastIndexOf('/') + 1);
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("principalId", "AROAEXAMPLE:" + session);
        id.put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session);
        id.put("accountId", ACCOUNT);
        ObjectNode ctx = id.putObject("sessionContext");
        ObjectNode issuer = ctx.putObject("sessionIssuer");
        issuer.put("type", "Role");
        issuer.put("principalId", "AROAEXAMPLE");
        issuer.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + rolePath);
        issuer.put("accountId", ACCOUNT);
        issuer.put("userName", role);
        ctx.putObject("attributes")
                .put("creationDate", "2026-10-14T09:47:10Z")
                .put("mfaAuthenticated", "false");
        return this;
    }

    /** An EC2 instance-role session: named after the instance, delivered by IMDS. */
    public CloudTrailJson instanceRole(String role, String instance, String delivery) {
        assumedRole(role, instance);
        if (delivery != null) {
            ((ObjectNode) record.get("userIdentity").get("sessionContext"))
                    .put("ec2RoleDelivery", delivery);
        }
        return this;
    }

    public CloudTrailJson invokedBy(String service) {
        ((ObjectNode) record.get("userIdentity")).put("invokedBy", service);
        return this;
    }

    public CloudTrailEvent decode() {
        CloudTrailEvent[] out = new CloudTrailEvent[1];
        new RecordDecoder()
                .decode(
                        new RawRecord(
                                "test",
                                RawKind.JSON,
                                record.toString().getBytes(StandardCharsets.UTF_8),
                                null),
                        new DecodedListener() {
                            @Override
                            public void cloudTrail(CloudTrailEvent event) {
                                out[0] = event;
                            }

                            @Override
                            public void flow(FlowRecord record) {}

                            @Override
                            public void skipped(SkipKind kind, String origin) {}

                            @Override
                            public void deadLetter(
                                    String reason, String detail, String origin, String excerpt) {
                                throw new AssertionError("test record does not decode: " + detail);
                            }
                        });
        return out[0];
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
