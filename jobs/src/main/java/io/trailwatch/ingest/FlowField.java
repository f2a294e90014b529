package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.TransitGatewayFields;
import java.util.HashMap;
import java.util.Map;

/**
 * Every VPC flow log field of versions 2 to 8 and every transit gateway flow log field (version 6),
 * by its name in a format string or header line.
 */
enum FlowField {
    VERSION("version", Kind.INT),
    ACCOUNT_ID("account-id", Kind.TEXT),
    INTERFACE_ID("interface-id", Kind.TEXT),
    SRCADDR("srcaddr", Kind.ADDRESS),
    DSTADDR("dstaddr", Kind.ADDRESS),
    SRCPORT("srcport", Kind.INT, 65_535),
    DSTPORT("dstport", Kind.INT, 65_535),
    PROTOCOL("protocol", Kind.INT, 255),
    PACKETS("packets", Kind.LONG),
    BYTES("bytes", Kind.LONG),
    START("start", Kind.LONG),
    END("end", Kind.LONG),
    ACTION("action", Kind.TEXT),
    LOG_STATUS("log-status", Kind.TEXT),
    VPC_ID("vpc-id", Kind.TEXT),
    SUBNET_ID("subnet-id", Kind.TEXT),
    INSTANCE_ID("instance-id", Kind.TEXT),
    TCP_FLAGS("tcp-flags", Kind.INT),
    TYPE("type", Kind.TEXT),
    PKT_SRCADDR("pkt-srcaddr", Kind.ADDRESS),
    PKT_DSTADDR("pkt-dstaddr", Kind.ADDRESS),
    REGION("region", Kind.TEXT),
    AZ_ID("az-id", Kind.TEXT),
    SUBLOCATION_TYPE("sublocation-type", Kind.TEXT),
    SUBLOCATION_ID("sublocation-id", Kind.TEXT),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", Kind.TEXT),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", Kind.TEXT),
    FLOW_DIRECTION("flow-direction", Kind.TEXT),
    TRAFFIC_PATH("traffic-path", Kind.INT),
    ECS_CLUSTER_ARN("ecs-cluster-arn", Kind.TEXT),
    ECS_CLUSTER_NAME("ecs-cluster-name", Kind.TEXT),
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", Kind.TEXT),
    ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", Kind.TEXT),
    ECS_CONTAINER_ID("ecs-container-id", Kind.TEXT),
    ECS_SECOND_CONTAINER_ID("ecs-second-container-id", Kind.TEXT),
    ECS_SERVICE_NAME("ecs-service-name", Kind.TEXT),
    ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", Kind.TEXT),
    ECS_TASK_ARN("ecs-task-arn", Kind.TEXT),
    ECS_TASK_ID("ecs-task-id", Kind.TEXT),
    REJECT_REASON("reject-reason", Kind.TEXT),
    // version 6: transit gateway flow logs
    RESOURCE_TYPE("resource-type", Kind.TEXT),
    TGW_ID("tgw-id", Kind.TEXT),
    TGW_ATTACHMENT_ID("tgw-attachment-id", Kind.TEXT),
    TGW_SRC_VPC_ACCOUNT_ID("tgw-src-vpc-account-id", Kind.TEXT),
    TGW_DST_VPC_ACCOUNT_ID("tgw-dst-vpc-account-id", Kind.TEXT),
    TGW_SRC_VPC_ID("tgw-src-vpc-id", Kind.TEXT),
    TGW_DST_VPC_ID("tgw-dst-vpc-id", Kind.TEXT),
    TGW_SRC_SUBNET_ID("tgw-src-subnet-id", Kind.TEXT),
    TGW_DST_SUBNET_ID("tgw-dst-subnet-id", Kind.TEXT),
    TGW_SRC_ENI("tgw-src-eni", Kind.TEXT),
    TGW_DST_ENI("tgw-dst-eni", Kind.TEXT),
    TGW_SRC_AZ_ID("tgw-src-az-id", Kind.TEXT),
    TGW_DST_AZ_ID("tgw-dst-az-id", Kind.TEXT),
    TGW_PAIR_ATTACHMENT_ID("tgw-pair-attachment-id", Kind.TEXT),
    PACKETS_LOST_NO_ROUTE("packets-lost-no-route", Kind.LONG),
    PACKETS_LOST_BLACKHOLE("packets-lost-blackhole", Kind.LONG),
    PACKETS_LOST_MTU_EXCEEDED("packets-lost-mtu-exceeded", Kind.LONG),
    PACKETS_LOST_TTL_EXPIRED("packets-lost-ttl-expired", Kind.LONG);

    enum Kind {
        TEXT,
        /** Text that must be an IPv4 or IPv6 address. */
        ADDRESS,
        INT,
        LONG
    }

    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField f : values()) {
            BY_NAME.put(f.fieldName, f);
        }
    }

    final String fieldName;
    final Kind kind;

    /**
     * The largest value a number field holds (ports 65535, protocol numbers 255): a larger one is
     * damage, not a record.
     */
    final long max;

    FlowField(String fieldName, Kind kind) {
        this(fieldName, kind, kind == Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
    }

    FlowField(String fieldName, Kind kind, long max) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.max = max;
    }

    /** Whether the field holds text (an address included) rather than a number. */
    boolean isText() {
        return kind == Kind.TEXT || kind == Kind.ADDRESS;
    }

    /**
     * The field of that name, or {@code null} for a name this version of Trailwatch does not know.
     */
    static FlowField byName(String name) {
        return BY_NAME.get(name);
    }

    // The setters are switches, not a lambda per field: one call site serving forty lambdas is a
    // megamorphic call per field of every flow line, and each value would be boxed to Object.

    /** Sets this {@link Kind#TEXT} or {@link Kind#ADDRESS} field. */
    void set(FlowRecord r, String v) {
        switch (this) {
            case ACCOUNT_ID:
                r.accountId = v;
                break;
            case INTERFACE_ID:
                r.interfaceId = v;
                break;
            case SRCADDR:
                r.srcAddr = v;
                break;
            case DSTADDR:
                r.dstAddr = v;
                break;
            case ACTION:
                r.action = v;
                break;
            case LOG_STATUS:
                r.logStatus = v;
                break;
            case VPC_ID:
                r.vpcId = v;
                break;
            case SUBNET_ID:
                r.subnetId = v;
                break;
            case INSTANCE_ID:
                r.instanceId = v;
                break;
            case TYPE:
                r.type = v;
                break;
            case PKT_SRCADDR:
                r.pktSrcAddr = v;
                break;
            case PKT_DSTADDR:
                r.pktDstAddr = v;
                break;
            case REGION:
                r.region = v;
                break;
            case AZ_ID:
                r.azId = v;
                break;
            case SUBLOCATION_TYPE:
                r.sublocationType = v;
                break;
            case SUBLOCATION_ID:
                r.sublocationId = v;
                break;
            case PKT_SRC_AWS_SERVICE:
                r.pktSrcAwsService = v;
                break;
            case PKT_DST_AWS_SERVICE:
                r.pktDstAwsService = v;
                break;
            case FLOW_DIRECTION:
                r.flowDirection = v;
                break;
            case ECS_CLUSTER_ARN:
                r.ecsClusterArn = v;
                break;
            case ECS_CLUSTER_NAME:
                r.ecsClusterName = v;
                break;
            case ECS_CONTAINER_INSTANCE_ARN:
                r.ecsContainerInstanceArn = v;
                break;
            case ECS_CONTAINER_INSTANCE_ID:
                r.ecsContainerInstanceId = v;
                break;
            case ECS_CONTAINER_ID:
                r.ecsContainerId = v;
                break;
            case ECS_SECOND_CONTAINER_ID:
                r.ecsSecondContainerId = v;
                break;
            case ECS_SERVICE_NAME:
                r.ecsServiceName = v;
                break;
            case ECS_TASK_DEFINITION_ARN:
                r.ecsTaskDefinitionArn = v;
                break;
            case ECS_TASK_ARN:
                r.ecsTaskArn = v;
                break;
            case ECS_TASK_ID:
                r.ecsTaskId = v;
                break;
            case REJECT_REASON:
                r.rejectReason = v;
                break;
            case RESOURCE_TYPE:
                transitGateway(r).resourceType = v;
                break;
            case TGW_ID:
                transitGateway(r).tgwId = v;
                break;
            case TGW_ATTACHMENT_ID:
                transitGateway(r).attachmentId = v;
                break;
            case TGW_SRC_VPC_ACCOUNT_ID:
                transitGateway(r).srcVpcAccountId = v;
                break;
            case TGW_DST_VPC_ACCOUNT_ID:
                transitGateway(r).dstVpcAccountId = v;
                break;
            case TGW_SRC_VPC_ID:
                transitGateway(r).srcVpcId = v;
                break;
            case TGW_DST_VPC_ID:
                transitGateway(r).dstVpcId = v;
                break;
            case TGW_SRC_SUBNET_ID:
                transitGateway(r).srcSubnetId = v;
                break;
            case TGW_DST_SUBNET_ID:
                transitGateway(r).dstSubnetId = v;
                break;
            case TGW_SRC_ENI:
                transitGateway(r).srcEni = v;
                break;
            case TGW_DST_ENI:
                transitGateway(r).dstEni = v;
                break;
            case TGW_SRC_AZ_ID:
                transitGateway(r).srcAzId = v;
                break;
            case TGW_DST_AZ_ID:
                transitGateway(r).dstAzId = v;
                break;
            case TGW_PAIR_ATTACHMENT_ID:
                transitGateway(r).pairAttachmentId = v;
                break;
            default:
                throw new IllegalStateException(this + " is not a text field");
        }
    }

    /** Sets this {@link Kind#INT} field. */
    void set(FlowRecord r, int v) {
        switch (this) {
            case VERSION:
                r.version = v;
                break;
            case SRCPORT:
                r.srcPort = v;
                break;
            case DSTPORT:
                r.dstPort = v;
                break;
            case PROTOCOL:
                r.protocol = v;
                break;
            case TCP_FLAGS:
                r.tcpFlags = v;
                break;
            case TRAFFIC_PATH:
                r.trafficPath = v;
                break;
            default:
                throw new IllegalStateException(this + " is not an int field");
        }
    }

    /** Sets this {@link Kind#LONG} field. */
    void set(FlowRecord r, long v) {
        switch (this) {
            case PACKETS:
                r.packets = v;
                break;
            case BYTES:
                r.bytes = v;
                break;
            case START:
                r.start = v;
                break;
            case END:
                r.end = v;
                break;
            case PACKETS_LOST_NO_ROUTE:
                transitGateway(r).packetsLostNoRoute = v;
                break;
            case PACKETS_LOST_BLACKHOLE:
                transitGateway(r).packetsLostBlackhole = v;
                break;
            case PACKETS_LOST_MTU_EXCEEDED:
                transitGateway(r).packetsLostMtuExceeded = v;
                break;
            case PACKETS_LOST_TTL_EXPIRED:
                transitGateway(r).packetsLostTtlExpired = v;
                break;
            default:
                throw new IllegalStateException(this + " is not a long field");
        }
    }

    /** The record's transit gateway fields, made when the first of them is set. */
    private static TransitGatewayFields transitGateway(FlowRecord r) {
        if (r.transitGateway == null) {
            r.transitGateway = new TransitGatewayFields();
        }
        return r.transitGateway;
    }
}
