package io.trailwatch.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.RecordDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds CloudTrail records in the real record format (as CloudTrail writes them), for rule and
 * signal tests; {@link #decode()} runs the production decoder, so tests exercise the whole path
 * from JSON to finding.
 */
public final class CloudTrailRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The account of {@link #call(String, String)}. */
    public static final String ACCOUNT = "444455556666";

    private final ObjectNode record = JSON.createObjectNode();
    private final String account;

    private CloudTrailRecord(String account, String source, String name) {
        this.account = account;
        record.put("eventVersion", "1.10");
        iamUser("dev-jlee");
        record.put("eventTime", "2026-10-14T10:20:05Z");
        record.put("eventSource", source);
        record.put("eventName", name);
        record.put("awsRegion", "eu-west-1");
        record.put("sourceIPAddress", "203.0.113.130");
        record.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22");
        record.putNull("requestParameters");
        record.putNull("responseElements");
        record.put(
                "requestID",
                UUID.nameUUIDFromBytes((source + name).getBytes(StandardCharsets.UTF_8))
                        .toString());
        record.put(
                "eventID",
                UUID.nameUUIDFromBytes((name + source + "e").getBytes(StandardCharsets.UTF_8))
                        .toString());
        record.put("readOnly", false);
        record.put("eventType", "AwsApiCall");
        record.put("managementEvent", true);
        record.put("recipientAccountId", account);
        record.put("eventCategory", "Management");
    }

    /** A successful management API call by IAM user dev-jlee in {@link #ACCOUNT}. */
    public static CloudTrailRecord call(String source, String name) {
        return new CloudTrailRecord(ACCOUNT, source, name);
    }

    /** The same in another account. */
    public static CloudTrailRecord call(String account, String source, String name) {
        return new CloudTrailRecord(account, source, name);
    }

    /** A console sign-in by an IAM user: {@code result} is Success or Failure. */
    public static CloudTrailRecord consoleLogin(String account, String user, String result) {
        CloudTrailRecord r = new CloudTrailRecord(account, "signin.amazonaws.com", "ConsoleLogin");
        ObjectNode id = r.record.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDAEXAMPLE");
        id.put("accountId", account);
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

    public CloudTrailRecord request(String json) {
        record.set("requestParameters", tree(json));
        return this;
    }

    public CloudTrailRecord response(String json) {
        record.set("responseElements", tree(json));
        return this;
    }

    public CloudTrailRecord additional(String json) {
        record.set("additionalEventData", tree(json));
        return this;
    }

    public CloudTrailRecord failed(String errorCode) {
        record.put("errorCode", errorCode);
        record.put("errorMessage", "You are not authorized to perform this operation.");
        return this;
    }

    public CloudTrailRecord at(String eventTime) {
        record.put("eventTime", eventTime);
        return this;
    }

    public CloudTrailRecord at(String eventTime, String eventId) {
        return at(eventTime).id(eventId);
    }

    public CloudTrailRecord id(String eventId) {
        record.put("eventID", eventId);
        return this;
    }

    public CloudTrailRecord from(String sourceIp) {
        record.put("sourceIPAddress", sourceIp);
        return this;
    }

    public CloudTrailRecord readOnly() {
        record.put("readOnly", true);
        return this;
    }

    /** An S3 (or other) data event rather than a management event. */
    public CloudTrailRecord dataEvent() {
        record.put("managementEvent", false);
        record.put("eventCategory", "Data");
        return this;
    }

    public CloudTrailRecord eventType(String type) {
        record.put("eventType", type);
        return this;
    }

    public CloudTrailRecord iamUser(String user) {
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDAEXAMPLE" + Math.abs(user.hashCode()));
        id.put("arn", "arn:aws:iam::" + account + ":user/" + user);
        id.put("accountId", account);
        id.put("accessKeyId", "AKIAEXAMPLEKEY000001");
        id.put("userName", user);
        return this;
    }

    public CloudTrailRecord root(String invokedBy) {
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "Root");
        id.put("principalId", account);
        id.put("arn", "arn:aws:iam::" + account + ":root");
        id.put("accountId", account);
        if (invokedBy != null) {
            id.put("invokedBy", invokedBy);
        }
        return this;
    }

    /** A role session; {@code rolePath} may carry the role's path (e.g. service-role/x). */
    public CloudTrailRecord assumedRole(String rolePath, String session) {
        String role = rolePath.substring(rolePath.lastIndexOf('/') + 1);
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("principalId", "AROAEXAMPLEROLE:" + session);
        id.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
        id.put("accountId", account);
        ObjectNode ctx = id.putObject("sessionContext");
        ObjectNode issuer = ctx.putObject("sessionIssuer");
        issuer.put("type", "Role");
        issuer.put("principalId", "AROAEXAMPLEROLE");
        issuer.put("arn", "arn:aws:iam::" + account + ":role/" + rolePath);
        issuer.put("accountId", account);
        issuer.put("userName", role);
        ctx.putObject("attributes")
                .put("creationDate", "2026-10-14T10:00:00Z")
                .put("mfaAuthenticated", "false");
        return this;
    }

    /** An EC2 instance-role session: named after the instance, delivered by IMDS. */
    public CloudTrailRecord instanceRole(String role, String instance, String delivery) {
        assumedRole(role, instance);
        if (delivery != null) {
            ((ObjectNode) record.get("userIdentity").get("sessionContext"))
                    .put("ec2RoleDelivery", delivery);
        }
        return this;
    }

    public CloudTrailRecord invokedBy(String service) {
        ((ObjectNode) record.get("userIdentity")).put("invokedBy", service);
        return this;
    }

    public String json() {
        return record.toString();
    }

    /** Decoded by the production decoder, as any envelope would deliver it. */
    public CloudTrailEvent decode() {
        return decode(json());
    }

    /** A CloudTrail record's JSON decoded by the production decoder. */
    public static CloudTrailEvent decode(String json) {
        DecodedBatch decoded =
                new RecordDecoder()
                        .decode(
                                new RawRecord(
                                        "test",
                                        RawKind.JSON,
                                        json.getBytes(StandardCharsets.UTF_8),
                                        null));
        CloudTrailEvent event = null;
        for (int i = 0; i < decoded.size(); i++) {
            if (decoded.kind(i) == DecodedBatch.Kind.DEAD_LETTER) {
                throw new AssertionError(
                        "test record does not decode: " + decoded.deadLetter(i).detail);
            }
            if (decoded.kind(i) == DecodedBatch.Kind.CLOUDTRAIL) {
                event = decoded.cloudTrail(i);
            }
        }
        return event;
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
