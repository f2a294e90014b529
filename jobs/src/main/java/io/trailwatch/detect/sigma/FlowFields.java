package io.trailwatch.detect.sigma;

import io.trailwatch.model.FlowRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * VPC flow log fields by their names in a flow log format ({@code srcaddr}, {@code dstport}, {@code
 * log-status}); {@code account_id} and the other underscore spellings (Athena, Security Lake) name
 * the same fields.
 */
final class FlowFields {
    private static final Map<String, Function<FlowRecord, Object>> FIELDS = new LinkedHashMap<>();

    static {
        put("version", f -> f.version);
        put("account-id", f -> f.accountId);
        put("interface-id", f -> f.interfaceId);
        put("srcaddr", f -> f.srcAddr);
        put("dstaddr", f -> f.dstAddr);
        put("srcport", f -> f.srcPort);
        put("dstport", f -> f.dstPort);
        put("protocol", f -> f.protocol);
        put("packets", f -> f.packets);
        put("bytes", f -> f.bytes);
        put("start", f -> f.start);
        put("end", f -> f.end);
        put("action", f -> f.action);
        put("log-status", f -> f.logStatus);
        put("vpc-id", f -> f.vpcId);
        put("subnet-id", f -> f.subnetId);
        put("instance-id", f -> f.instanceId);
        put("tcp-flags", f -> f.tcpFlags);
        put("type", f -> f.type);
        put("pkt-srcaddr", f -> f.pktSrcAddr);
        put("pkt-dstaddr", f -> f.pktDstAddr);
        put("region", f -> f.region);
        put("az-id", f -> f.azId);
        put("sublocation-type", f -> f.sublocationType);
        put("sublocation-id", f -> f.sublocationId);
        put("pkt-src-aws-service", f -> f.pktSrcAwsService);
        put("pkt-dst-aws-service", f -> f.pktDstAwsService);
        put("flow-direction", f -> f.flowDirection);
        put("traffic-path", f -> f.trafficPath);
        put("ecs-cluster-arn", f -> f.ecsClusterArn);
        put("ecs-cluster-name", f -> f.ecsClusterName);
        put("ecs-container-instance-arn", f -> f.ecsContainerInstanceArn);
        put("ecs-container-instance-id", f -> f.ecsContainerInstanceId);
        put("ecs-container-id", f -> f.ecsContainerId);
        put("ecs-second-container-id", f -> f.ecsSecondContainerId);
        put("ecs-service-name", f -> f.ecsServiceName);
        put("ecs-task-definition-arn", f -> f.ecsTaskDefinitionArn);
        put("ecs-task-arn", f -> f.ecsTaskArn);
        put("ecs-task-id", f -> f.ecsTaskId);
        put("reject-reason", f -> f.rejectReason);
        put("resource-type", f -> f.transitGateway == null ? null : f.transitGateway.resourceType);
        put("tgw-id", f -> f.transitGateway == null ? null : f.transitGateway.tgwId);
        put(
                "tgw-attachment-id",
                f -> f.transitGateway == null ? null : f.transitGateway.attachmentId);
    }

    private FlowFields() {}

    static FieldAccess field(String name) throws UnsupportedConstructException {
        Function<FlowRecord, Object> read =
                FIELDS.get(name.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (read == null) {
            throw new UnsupportedConstructException(
                    "field '"
                            + name
                            + "' is not a flow log field Trailwatch keeps (it keeps "
                            + String.join(", ", FIELDS.keySet())
                            + ")");
        }
        return (SingleValue) r -> r.flow() == null ? null : read.apply(r.flow());
    }

    static void everyValue(FlowRecord f, List<Object> out) {
        for (Function<FlowRecord, Object> read : FIELDS.values()) {
            Object v = read.apply(f);
            if (v != null) {
                out.add(v);
            }
        }
    }

    private static void put(String name, Function<FlowRecord, Object> read) {
        FIELDS.put(name, read);
    }
}
