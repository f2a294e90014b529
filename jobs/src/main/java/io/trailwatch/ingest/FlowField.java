package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;
import java.util.HashMap;
import java.util.Map;

/** Every VPC flow log field of versions 2 to 8, by its name in a format string or header line. */
enum FlowField {
    VERSION("version", Kind.INT, (r, v) -> r.version = (Integer) v),
    ACCOUNT_ID("account-id", Kind.TEXT, (r, v) -> r.accountId = (String) v),
    INTERFACE_ID("interface-id", Kind.TEXT, (r, v) -> r.interfaceId = (String) v),
    SRCADDR("srcaddr", Kind.TEXT, (r, v) -> r.srcAddr = (String) v),
    DSTADDR("dstaddr", Kind.TEXT, (r, v) -> r.dstAddr = (String) v),
    SRCPORT("srcport", Kind.INT, (r, v) -> r.srcPort = (Integer) v),
    DSTPORT("dstport", Kind.INT, (r, v) -> r.dstPort = (Integer) v),
    PROTOCOL("protocol", Kind.INT, (r, v) -> r.protocol = (Integer) v),
    PACKETS("packets", Kind.LONG, (r, v) -> r.packets = (Long) v),
    BYTES("bytes", Kind.LONG, (r, v) -> r.bytes = (Long) v),
    START("start", Kind.LONG, (r, v) -> r.start = (Long) v),
    END("end", Kind.LONG, (r, v) -> r.end = (Long) v),
    ACTION("action", Kind.TEXT, (r, v) -> r.action = (String) v),
    LOG_STATUS("log-status", Kind.TEXT, (r, v) -> r.logStatus = (String) v),
    VPC_ID("vpc-id", Kind.TEXT, (r, v) -> r.vpcId = (String) v),
    SUBNET_ID("subnet-id", Kind.TEXT, (r, v) -> r.subnetId = (String) v),
    INSTANCE_ID("instance-id", Kind.TEXT, (r, v) -> r.instanceId = (String) v),
    TCP_FLAGS("tcp-flags", Kind.INT, (r, v) -> r.tcpFlags = (Integer) v),
    TYPE("type", Kind.TEXT, (r, v) -> r.type = (String) v),
    PKT_SRCADDR("pkt-srcaddr", Kind.TEXT, (r, v) -> r.pktSrcAddr = (String) v),
    PKT_DSTADDR("pkt-dstaddr", Kind.TEXT, (r, v) -> r.pktDstAddr = (String) v),
    REGION("region", Kind.TEXT, (r, v) -> r.region = (String) v),
    AZ_ID("az-id", Kind.TEXT, (r, v) -> r.azId = (String) v),
    SUBLOCATION_TYPE("sublocation-type", Kind.TEXT, (r, v) -> r.sublocationType = (String) v),
    SUBLOCATION_ID("sublocation-id", Kind.TEXT, (r, v) -> r.sublocationId = (String) v),
    PKT_SRC_AWS_SERVICE(
            "pkt-src-aws-service", Kind.TEXT, (r, v) -> r.pktSrcAwsService = (String) v),
    PKT_DST_AWS_SERVICE(
            "pkt-dst-aws-service", Kind.TEXT, (r, v) -> r.pktDstAwsService = (String) v),
    FLOW_DIRECTION("flow-direction", Kind.TEXT, (r, v) -> r.flowDirection = (String) v),
    TRAFFIC_PATH("traffic-path", Kind.INT, (r, v) -> r.trafficPath = (Integer) v),
    ECS_CLUSTER_ARN("ecs-cluster-arn", Kind.TEXT, (r, v) -> r.ecsClusterArn = (String) v),
    ECS_CLUSTER_NAME("ecs-cluster-name", Kind.TEXT, (r, v) -> r.ecsClusterName = (String) v),
    ECS_CONTAINER_INSTANCE_ARN(
            "ecs-container-instance-arn",
            Kind.TEXT,
            (r, v) -> r.ecsContainerInstanceArn = (String) v),
    ECS_CONTAINER_INSTANCE_ID(
            "ecs-container-instance-id",
            Kind.TEXT,
            (r, v) -> r.ecsContainerInstanceId = (String) v),
    ECS_CONTAINER_ID("ecs-container-id", Kind.TEXT, (r, v) -> r.ecsContainerId = (String) v),
    ECS_SECOND_CONTAINER_ID(
            "ecs-second-container-id", Kind.TEXT, (r, v) -> r.ecsSecondContainerId = (String) v),
    ECS_SERVICE_NAME("ecs-service-name", Kind.TEXT, (r, v) -> r.ecsServiceName = (String) v),
    ECS_TASK_DEFINITION_ARN(
            "ecs-task-definition-arn", Kind.TEXT, (r, v) -> r.ecsTaskDefinitionArn = (String) v),
    ECS_TASK_ARN("ecs-task-arn", Kind.TEXT, (r, v) -> r.ecsTaskArn = (String) v),
    ECS_TASK_ID("ecs-task-id", Kind.TEXT, (r, v) -> r.ecsTaskId = (String) v),
    REJECT_REASON("reject-reason", Kind.TEXT, (r, v) -> r.rejectReason = (String) v);

    enum Kind {
        TEXT,
        INT,
        LONG
    }

    interface Setter {
        void set(FlowRecord record, Object value);
    }

    private static final Map<String, FlowField> BY_NAME = new HashMap<>();

    static {
        for (FlowField f : values()) {
            BY_NAME.put(f.fieldName, f);
        }
    }

    final String fieldName;
    final Kind kind;
    final Setter setter;

    FlowField(String fieldName, Kind kind, Setter setter) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.setter = setter;
    }

    /**
     * The field of that name, or {@code null} for a name this version of Trailwatch does not know.
     */
    static FlowField byName(String name) {
        return BY_NAME.get(name);
    }
}
