package io.trailwatch.detect.rules;

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
import java.util.UUID;

/**
 * Builds CloudTrail records in the real record format (as CloudTrail writes them), for rule tests;
 * the record is decoded by the production decoder, so tests exercise the whole path from JSON to
 * finding.
 */
final class CloudTrailRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "444455556666";

    private final ObjectNode record = JSON.createObjectNode();

    private CloudTrailRecord(String source, String name) {
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
        record.put("recipientAccountId", ACCOUNT);
        record.put("eventCategory", "Management");
    }

    static CloudTrailRecord call(String source, String name) {
        return new CloudTrailRecord(source, name);
    }

    CloudTrailRecord request(String json) {
        record.set("requestParameters", tree(json));
        return this;
    }

    CloudTrailRecord response(String json) {
        record.set("responseElements", tree(json));
        return this;
    }

    CloudTrailRecord additional(String json) {
        record.set("additionalEventData", tree(json));
        return this;
    }

    CloudTrailRecord failed(String errorCode) {
        record.put("errorCode", errorCode);
        record.put("errorMessage", "You are not authorized to perform this operation.");
        return this;
    }

    CloudTrailRecord at(String eventTime, String eventId) {
        record.put("eventTime", eventTime);
        record.put("eventID", eventId);
        return this;
    }

    CloudTrailRecord readOnly() {
        record.put("readOnly", true);
        return this;
    }

    CloudTrailRecord eventType(String type) {
        record.put("eventType", type);
        return this;
    }

    CloudTrailRecord iamUser(String user) {
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDAEXAMPLE" + Math.abs(user.hashCode()));
        id.put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + user);
        id.put("accountId", ACCOUNT);
        id.put("accessKeyId", "AKIAEXAMPLEKEY000001");
        id.put("userName", user);
        return this;
    }

    CloudTrailRecord root(String invokedBy) {
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "Root");
        id.put("principalId", ACCOUNT);
        id.put("arn", "arn:aws:iam::" + ACCOUNT + ":root");
        id.put("accountId", ACCOUNT);
        if (invokedBy != null) {
            id.put("invokedBy", invokedBy);
        }
        return this;
    }

    CloudTrailRecord assumedRole(String role, String session) {
        ObjectNode id = record.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("principalId", "AROAEXAMPLEROLE:" + session);
        id.put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session);
        id.put("accountId", ACCOUNT);
        ObjectNode ctx = id.putObject("sessionContext");
        ObjectNode issuer = ctx.putObject("sessionIssuer");
        issuer.put("type", "Role");
        issuer.put("principalId", "AROAEXAMPLEROLE");
        issuer.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + role);
        issuer.put("accountId", ACCOUNT);
        issuer.put("userName", role);
        ctx.putObject("attributes")
                .put("creationDate", "2026-10-14T10:00:00Z")
                .put("mfaAuthenticated", "false");
        return this;
    }

    String json() {
        return record.toString();
    }

    /** Decoded by the production decoder, as any envelope would deliver it. */
    CloudTrailEvent decode() {
        CloudTrailEvent[] out = new CloudTrailEvent[1];
        new RecordDecoder()
                .decode(
                        new RawRecord(
                                "test",
                                RawKind.JSON,
                                json().getBytes(StandardCharsets.UTF_8),
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
