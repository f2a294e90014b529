package io.trailwatch.detect;

/**
 * The signal streams, one per stateful detector input, with how each is keyed. A rule's declaration
 * names the streams it reads; the streams of disabled rules are not produced.
 */
public enum SignalKind {
    FAILED_LOGIN_BY_ADDRESS(
            false, "failed console sign-ins by account and source address; value: the user"),
    FAILED_LOGIN_BY_USER(
            false, "failed console sign-ins by account and user; value: the source address"),
    SUCCESSFUL_LOGIN(
            false,
            "successful console sign-ins by account; value: the user, attribute: the address"),
    DENIED_CALL(
            false,
            "AccessDenied and UnauthorizedOperation errors by account and principal; value: the API"),
    READ_ONLY_CALL(false, "read-only API calls by account and principal; value: service and API"),
    INSTANCE_CREDENTIALS_OUTSIDE(
            false,
            "calls with EC2 instance-role credentials from outside AWS and the owner's ranges, by"
                    + " account, principal and address; value: the API"),
    INSTANCE_CREDENTIALS_INSIDE_AWS(
            false,
            "calls with EC2 instance-role credentials from an address in AWS's published ranges"
                    + " that neither trusted_cidrs nor a CIDR row of the ownership table holds, by"
                    + " address; value: the API"),
    ADDRESS_HELD(
            false,
            "public addresses the organization was given (AllocateAddress, AssociateAddress,"
                    + " CreateNatGateway, RunInstances), by address; value: the API"),
    S3_ACCESS(false, "S3 GetObject and ListBuckets by account and principal; value: the bucket"),
    SENSITIVE_PORT_OPENED(
            false,
            "security groups opened to the internet on a sensitive port, by account and port"),
    PORT_PROBE(true, "flows by account, source and destination host; value: the destination port"),
    HOST_PROBE(true, "flows by account, source and destination port; value: the destination host"),
    ADMIN_CONNECTION(
            true,
            "flows from public addresses to an SSH or RDP port, by account, source, host and port;"
                    + " value: the source port (one per connection)"),
    EGRESS(true, "flows from inside to a public address, by account, interface and destination"),
    PUBLIC_INBOUND(
            true, "accepted flows from public addresses to a sensitive port, by account and port"),
    RULE_FILE_MATCH(
            false,
            "matches of the rules a correlation of a rule file names, by correlation and its"
                    + " group-by values");

    private final boolean fromFlows;
    private final String description;

    SignalKind(boolean fromFlows, String description) {
        this.fromFlows = fromFlows;
        this.description = description;
    }

    /** Whether flow records give this signal (else CloudTrail events). */
    public boolean fromFlows() {
        return fromFlows;
    }

    /** What the signal is and how it is keyed, for the catalog. */
    public String description() {
        return description;
    }
}
