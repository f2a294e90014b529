package io.trailwatch.model;

/**
 * One VPC or transit gateway flow log record. Every field of flow log versions 2 to 8 is here (the
 * transit gateway's own in {@link #transitGateway}); a field the log's format does not carry, or
 * that the record shows as {@code -}, is {@code null}. A transit gateway record carries no action:
 * it is neither ACCEPT nor REJECT.
 */
public class FlowRecord {
    // version 2 (the default format)
    public Integer version;
    public String accountId;
    public String interfaceId;
    public String srcAddr;
    public String dstAddr;
    public Integer srcPort;
    public Integer dstPort;
    public Integer protocol;
    public Long packets;
    public Long bytes;

    /** Start of the capture window, Unix seconds. */
    public Long start;

    /** End of the capture window, Unix seconds. */
    public Long end;

    public String action;
    public String logStatus;

    // version 3
    public String vpcId;
    public String subnetId;
    public String instanceId;
    public Integer tcpFlags;
    public String type;
    public String pktSrcAddr;
    public String pktDstAddr;

    // version 4
    public String region;
    public String azId;
    public String sublocationType;
    public String sublocationId;

    // version 5
    public String pktSrcAwsService;
    public String pktDstAwsService;
    public String flowDirection;
    public Integer trafficPath;

    // version 7
    public String ecsClusterArn;
    public String ecsClusterName;
    public String ecsContainerInstanceArn;
    public String ecsContainerInstanceId;
    public String ecsContainerId;
    public String ecsSecondContainerId;
    public String ecsServiceName;
    public String ecsTaskDefinitionArn;
    public String ecsTaskArn;
    public String ecsTaskId;

    // version 8
    public String rejectReason;

    /** The fields of a transit gateway flow log (version 6); {@code null} for a VPC flow log. */
    public TransitGatewayFields transitGateway;

    /** Event time used by the pipeline: the capture window start, epoch milliseconds. */
    public long eventTime;

    /**
     * Where the record came from: a file, or stream, shard and sequence number (and log event);
     * with {@link #line} when the record is one line of a file ({@link #where()} puts them
     * together).
     */
    public String origin;

    /**
     * The record's line in {@link #origin}, or 0 when the origin says it all. Kept apart so that a
     * string per record is built only where someone reads it.
     */
    public int line;

    /** Set by the ownership join; {@code null} before it. */
    public Owner owner;

    public FlowRecord() {}

    /** The origin with the line, as dead letters name it: {@code logs/flows.log line 12}. */
    public String where() {
        return Origins.line(origin, line);
    }

    /** The record as the 5-tuple and window an analyst can search for in the raw logs. */
    public String tuple() {
        if (interfaceId == null && transitGateway != null) {
            // a gateway's flow crossed an attachment, not an interface, and has no action
            return transitGateway.attachmentId
                    + " "
                    + srcAddr
                    + ":"
                    + srcPort
                    + " -> "
                    + dstAddr
                    + ":"
                    + dstPort
                    + " proto "
                    + protocol
                    + " @"
                    + start;
        }
        return interfaceId
                + " "
                + srcAddr
                + ":"
                + srcPort
                + " -> "
                + dstAddr
                + ":"
                + dstPort
                + " proto "
                + protocol
                + " "
                + action
                + " @"
                + start;
    }
}
