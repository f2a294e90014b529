package io.trailwatch.model;

/**
 * One CloudTrail record, whatever envelope it arrived in. The nested JSON documents that differ per
 * API ({@code requestParameters}, {@code responseElements}, …) are kept as their original JSON text
 * so that rules can inspect them without the record carrying a generic (Kryo-serialized) tree.
 */
public class CloudTrailEvent {
    public String eventId;

    /** CloudTrail {@code eventTime}, epoch milliseconds UTC. */
    public long eventTime;

    public String eventVersion;
    public String eventSource;
    public String eventName;
    public String eventType;
    public String eventCategory;
    public String awsRegion;
    public String sourceIpAddress;
    public String userAgent;
    public String errorCode;
    public String errorMessage;
    public Boolean readOnly;
    public Boolean managementEvent;
    public String recipientAccountId;
    public String requestId;
    public String sharedEventId;
    public String vpcEndpointId;

    public UserIdentity userIdentity;
    public ResourceRef[] resources;

    public String requestParameters;
    public String responseElements;
    public String additionalEventData;
    public String serviceEventDetails;

    /** Where the record came from: file and line, or stream, shard and sequence number. */
    public String origin;

    /** Set by the ownership join; {@code null} before it. */
    public Owner owner;

    public CloudTrailEvent() {}

    /** The account the event happened in: the recipient account, else the caller's account. */
    public String account() {
        if (recipientAccountId != null) {
            return recipientAccountId;
        }
        return userIdentity == null ? null : userIdentity.accountId;
    }

    /**
     * The caller as an ARN where CloudTrail gives one, else the best identifier it has; {@code
     * null} when it has none (an {@code Unknown} caller's identifiers are empty strings).
     */
    public String principal() {
        if (userIdentity == null) {
            return null;
        }
        if (userIdentity.arn != null && !userIdentity.arn.isEmpty()) {
            return userIdentity.arn;
        }
        if (userIdentity.invokedBy != null && !userIdentity.invokedBy.isEmpty()) {
            return userIdentity.invokedBy;
        }
        String id = userIdentity.principalId;
        return id == null || id.isEmpty() ? null : id;
    }

    public boolean failed() {
        return errorCode != null;
    }
}
