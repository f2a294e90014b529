package io.trailwatch.detect.signals;

/**
 * The signal streams, one per windowed detector input, with how each is keyed. The rule id says
 * which rule consumes the stream; a disabled rule's streams are not produced.
 */
public enum SignalKind {
    /** Failed console sign-ins by account and source address; value: the user. */
    FAILED_LOGIN_BY_ADDRESS("TW-AUTH-01", false),
    /** Failed console sign-ins by account and user; value: the source address. */
    FAILED_LOGIN_BY_USER("TW-AUTH-01", false),
    /** Successful console sign-ins by account; value: the user, attribute: the address. */
    SUCCESSFUL_LOGIN("TW-AUTH-02", false),
    /** AccessDenied and UnauthorizedOperation errors by account and principal; value: the API. */
    DENIED_CALL("TW-RECON-01", false),
    /** Read-only API calls by account and principal; value: service and API. */
    READ_ONLY_CALL("TW-RECON-02", false),
    /**
     * Calls with EC2 instance-role credentials from outside AWS and the owner's ranges, by account,
     * principal and address; value: the API.
     */
    INSTANCE_CREDENTIALS_OUTSIDE("TW-CRED-01", false),
    /** S3 GetObject and ListBuckets by account and principal; value: the bucket. */
    S3_ACCESS("TW-EXFIL-01", false),
    /** Security groups opened to the internet on a sensitive port, by account and port. */
    SENSITIVE_PORT_OPENED("TW-CORR-01", false),
    /** Flows by account, source and destination host; value: the destination port. */
    PORT_PROBE("TW-NETSCAN-01", true),
    /** Flows by account, source and destination port; value: the destination host. */
    HOST_PROBE("TW-NETSCAN-01", true),
    /**
     * Flows from public addresses to an SSH or RDP port, by account, source, host and port; value:
     * the source port (one per connection).
     */
    ADMIN_CONNECTION("TW-NETSCAN-02", true),
    /** Flows from inside to a public address, by account, interface and destination. */
    EGRESS("TW-EXFIL-02", true),
    /** Accepted flows from public addresses to a sensitive port, by account and port. */
    PUBLIC_INBOUND("TW-CORR-01", true);

    private final String ruleId;
    private final boolean fromFlows;

    SignalKind(String ruleId, boolean fromFlows) {
        this.ruleId = ruleId;
        this.fromFlows = fromFlows;
    }

    /** Whether flow records give this signal (else CloudTrail events). */
    public boolean fromFlows() {
        return fromFlows;
    }

    public String ruleId() {
        return ruleId;
    }
}
