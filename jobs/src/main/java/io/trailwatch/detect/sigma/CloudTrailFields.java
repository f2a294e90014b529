package io.trailwatch.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.ResourceRef;
import io.trailwatch.model.UserIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * CloudTrail's field names (the JSON paths of a record, as AWS documents them) and how each is read
 * from a decoded event. The four documents ({@code requestParameters}, {@code responseElements},
 * {@code additionalEventData}, {@code serviceEventDetails}) take any path below them; asked for
 * whole, each is its JSON text.
 */
final class CloudTrailFields {
    private static final Map<String, Function<CloudTrailEvent, Object>> TOP = new LinkedHashMap<>();
    private static final Map<String, String> BY_LOWER_CASE = new LinkedHashMap<>();

    private static final String[] DOCUMENTS = {
        "requestParameters", "responseElements", "additionalEventData", "serviceEventDetails"
    };

    static {
        top("eventVersion", e -> e.eventVersion);
        top("eventID", e -> e.eventId);
        top("eventTime", e -> Instant.ofEpochMilli(e.eventTime).toString());
        top("eventSource", e -> e.eventSource);
        top("eventName", e -> e.eventName);
        top("eventType", e -> e.eventType);
        top("eventCategory", e -> e.eventCategory);
        top("awsRegion", e -> e.awsRegion);
        top("sourceIPAddress", e -> e.sourceIpAddress);
        top("userAgent", e -> e.userAgent);
        top("errorCode", e -> e.errorCode);
        top("errorMessage", e -> e.errorMessage);
        top("readOnly", e -> e.readOnly);
        top("managementEvent", e -> e.managementEvent);
        top("recipientAccountId", e -> e.recipientAccountId);
        top("requestID", e -> e.requestId);
        top("sharedEventID", e -> e.sharedEventId);
        top("vpcEndpointId", e -> e.vpcEndpointId);
        identity("type", u -> u.type);
        identity("principalId", u -> u.principalId);
        identity("arn", u -> u.arn);
        identity("accountId", u -> u.accountId);
        identity("accessKeyId", u -> u.accessKeyId);
        identity("userName", u -> u.userName);
        identity("invokedBy", u -> u.invokedBy);
        identity("sessionContext.sessionIssuer.type", u -> u.sessionIssuerType);
        identity("sessionContext.sessionIssuer.arn", u -> u.sessionIssuerArn);
        identity("sessionContext.sessionIssuer.userName", u -> u.sessionIssuerUserName);
        identity("sessionContext.sessionIssuer.accountId", u -> u.sessionIssuerAccountId);
        identity(
                "sessionContext.attributes.mfaAuthenticated",
                u -> u.mfaAuthenticated == null ? null : u.mfaAuthenticated.toString());
        identity("sessionContext.attributes.creationDate", u -> u.sessionCreationDate);
        identity("sessionContext.ec2RoleDelivery", u -> u.ec2RoleDelivery);
        identity("sessionContext.sourceIdentity", u -> u.sourceIdentity);
    }

    private CloudTrailFields() {}

    /**
     * How to read {@code name}.
     *
     * @throws UnsupportedConstructException when Trailwatch does not keep the field
     */
    static FieldAccess field(String name) throws UnsupportedConstructException {
        Function<CloudTrailEvent, Object> top = TOP.get(name);
        if (top == null) {
            String canonical = BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
            top = canonical == null ? null : TOP.get(canonical);
        }
        if (top != null) {
            Function<CloudTrailEvent, Object> read = top;
            return (SingleValue) r -> r.cloudTrail() == null ? null : read.apply(r.cloudTrail());
        }
        if (name.equals("resources") || name.startsWith("resources.")) {
            return resources(name);
        }
        for (int i = 0; i < DOCUMENTS.length; i++) {
            String doc = DOCUMENTS[i];
            if (name.equals(doc) || name.startsWith(doc + ".")) {
                return document(
                        i, name.length() == doc.length() ? "" : name.substring(doc.length() + 1));
            }
        }
        throw new UnsupportedConstructException(
                "field '"
                        + name
                        + "' is not in CloudTrail records as Trailwatch keeps them (it keeps "
                        + String.join(", ", names())
                        + ", resources.ARN, resources.accountId, resources.type, and any path"
                        + " below "
                        + String.join(", ", DOCUMENTS)
                        + ")");
    }

    /** The fields an event has, for keyword searches: every top-level value and document text. */
    static void everyValue(CloudTrailEvent e, List<Object> out) {
        for (Function<CloudTrailEvent, Object> read : TOP.values()) {
            Object v = read.apply(e);
            if (v != null) {
                out.add(v);
            }
        }
        for (String doc :
                new String[] {
                    e.requestParameters,
                    e.responseElements,
                    e.additionalEventData,
                    e.serviceEventDetails
                }) {
            if (doc != null) {
                out.add(doc);
            }
        }
    }

    static Set<String> names() {
        return new TreeSet<>(TOP.keySet());
    }

    private static void top(String name, Function<CloudTrailEvent, Object> read) {
        TOP.put(name, read);
        BY_LOWER_CASE.put(name.toLowerCase(Locale.ROOT), name);
    }

    private static void identity(String path, Function<UserIdentity, Object> read) {
        top(
                "userIdentity." + path,
                e -> e.userIdentity == null ? null : read.apply(e.userIdentity));
    }

    private static FieldAccess resources(String name) throws UnsupportedConstructException {
        String part = name.equals("resources") ? "" : name.substring("resources.".length());
        Function<ResourceRef, String> read;
        switch (part) {
            case "ARN":
                read = r -> r.arn;
                break;
            case "accountId":
                read = r -> r.accountId;
                break;
            case "type":
                read = r -> r.type;
                break;
            default:
                throw new UnsupportedConstructException(
                        "field '" + name + "': resources has ARN, accountId and type");
        }
        return (r, out) -> {
            CloudTrailEvent e = r.cloudTrail();
            if (e != null && e.resources != null) {
                for (ResourceRef ref : e.resources) {
                    if (ref != null && read.apply(ref) != null) {
                        out.add(read.apply(ref));
                    }
                }
            }
        };
    }

    private static FieldAccess document(int which, String path) {
        String[] parts = path.isEmpty() ? new String[0] : path.split("\\.");
        if (parts.length == 0) {
            return (r, out) -> {
                CloudTrailEvent e = r.cloudTrail();
                if (e != null) {
                    String text = text(e, which);
                    if (text != null) {
                        out.add(text);
                    }
                }
            };
        }
        return (r, out) -> {
            if (r.cloudTrail() != null) {
                JsonValues.collect(tree(r, which), parts, 0, out);
            }
        };
    }

    private static String text(CloudTrailEvent e, int which) {
        switch (which) {
            case 0:
                return e.requestParameters;
            case 1:
                return e.responseElements;
            case 2:
                return e.additionalEventData;
            default:
                return e.serviceEventDetails;
        }
    }

    private static JsonNode tree(SigmaRecord r, int which) {
        switch (which) {
            case 0:
                return r.view().request();
            case 1:
                return r.view().response();
            case 2:
                return r.view().additional();
            default:
                return r.serviceEventDetails();
        }
    }
}
