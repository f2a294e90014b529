package io.trailwatch.ingest;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.UserIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The event id of a CloudTrail record that has none: CloudTrail added {@code eventID} in event
 * version 1.01, and archives written before then are genuine records. The id is a digest of what
 * the record says (who, when, where from, which call, with which parameters and outcome), so the
 * same record always gets the same id and the alert ids built on it stay deterministic. It starts
 * with {@code derived-} so that nobody searches CloudTrail for it.
 */
final class DerivedEventId {
    static final String PREFIX = "derived-";

    private DerivedEventId() {}

    static String of(CloudTrailEvent e, String eventTimeText) {
        MessageDigest sha = sha256();
        UserIdentity id = e.userIdentity;
        String[] parts = {
            e.eventVersion,
            eventTimeText,
            e.eventSource,
            e.eventName,
            e.eventType,
            e.awsRegion,
            e.sourceIpAddress,
            e.userAgent,
            e.errorCode,
            e.errorMessage,
            e.requestId,
            e.recipientAccountId,
            id == null ? null : id.type,
            id == null ? null : id.principalId,
            id == null ? null : id.arn,
            id == null ? null : id.accountId,
            id == null ? null : id.accessKeyId,
            id == null ? null : id.userName,
            id == null ? null : id.invokedBy,
            compact(e.requestParameters),
            compact(e.responseElements),
            compact(e.additionalEventData),
            compact(e.serviceEventDetails),
        };
        for (String part : parts) {
            // length-prefixed, so that no two different records give the same digest input
            byte[] bytes = part == null ? null : part.getBytes(StandardCharsets.UTF_8);
            int length = bytes == null ? -1 : bytes.length;
            sha.update(
                    new byte[] {
                        (byte) (length >>> 24),
                        (byte) (length >>> 16),
                        (byte) (length >>> 8),
                        (byte) length
                    });
            if (bytes != null) {
                sha.update(bytes);
            }
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * JSON text without the whitespace between its tokens: the documents are kept as the input
     * wrote them, and a pretty-printed copy of a record is the same record.
     */
    static String compact(String json) {
        if (json == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
