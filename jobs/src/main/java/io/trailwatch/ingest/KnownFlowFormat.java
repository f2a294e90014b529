package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;
import java.util.List;

/**
 * The flow log formats AWS writes whole, which a file without a header line can be recognised as:
 * each has a field count of its own, and the version its records carry is the highest version of
 * its fields. The field lists are those of the AWS documentation's tables of available fields, in
 * their order.
 */
enum KnownFlowFormat {
    /** What a VPC flow log writes unless told otherwise. */
    DEFAULT_V2("default v2", 2, FlowLogFormat.DEFAULT_V2_HEADER),

    /**
     * What a transit gateway flow log writes unless told otherwise: every field of versions 2-6.
     */
    TRANSIT_GATEWAY_DEFAULT(
            "transit gateway default",
            6,
            "version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id"
                    + " tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id"
                    + " tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id"
                    + " tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes"
                    + " start end log-status type packets-lost-no-route packets-lost-blackhole"
                    + " packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region"
                    + " flow-direction pkt-src-aws-service pkt-dst-aws-service"),

    /** A VPC flow log's custom format with every field of versions 2-5 selected. */
    ALL_V5("all v5 fields", 5, KnownFlowFormat.V5_FIELDS),

    /** The same with the ECS fields of version 7 added. */
    ALL_V7_ECS(
            "all v7 (ECS) fields",
            7,
            KnownFlowFormat.V5_FIELDS
                    + " ecs-cluster-arn ecs-cluster-name ecs-container-instance-arn"
                    + " ecs-container-instance-id ecs-container-id ecs-second-container-id"
                    + " ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id");

    private static final String V5_FIELDS =
            FlowLogFormat.DEFAULT_V2_HEADER
                    + " vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region"
                    + " az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service"
                    + " flow-direction traffic-path";

    /** How dead letters name it. */
    final String label;

    /** The version field of its records. */
    final int version;

    final FlowLogFormat format;

    KnownFlowFormat(String label, int version, String fields) {
        this.label = label;
        this.version = version;
        this.format = FlowLogFormat.parseHeader(fields);
    }

    /**
     * Why {@code line}, of this format's field count, is not a record of this format, or {@code
     * null}. The default format is recognised by its shape alone, version 2 and an account number
     * (or "unknown", which AWS writes for an interface an AWS service made), as it always was: its
     * values are checked line by line, and a damaged first line costs that line. The others must
     * hold their version, an account id and values that parse, since recognising them is a guess
     * from the field count.
     */
    String problem(String line) {
        if (this == DEFAULT_V2) {
            List<String> t = FlowLogFormat.tokens(line);
            if (!t.get(0).equals("2")) {
                return "version '" + Excerpt.of(t.get(0)) + "' is not 2";
            }
            return t.get(1).equals("unknown") || t.get(1).chars().allMatch(Character::isDigit)
                    ? null
                    : "account-id '" + Excerpt.of(t.get(1)) + "' is not an account number";
        }
        FlowRecord r;
        try {
            r = format.parse(line);
        } catch (DecodeException e) {
            return e.getMessage();
        }
        String problem = FlowRecordCheck.problem(r);
        if (problem != null) {
            return problem;
        }
        if (r.version == null || r.version != version) {
            return "version " + (r.version == null ? "-" : r.version) + " is not " + version;
        }
        if (!isAccountId(r.accountId)) {
            return "account-id '"
                    + Excerpt.of(String.valueOf(r.accountId))
                    + "' is not an account id";
        }
        if (this == TRANSIT_GATEWAY_DEFAULT) {
            String type = r.transitGateway == null ? null : r.transitGateway.resourceType;
            if (!"TransitGateway".equals(type) && !"TransitGatewayAttachment".equals(type)) {
                return "resource-type '"
                        + Excerpt.of(String.valueOf(type))
                        + "' is not TransitGateway or TransitGatewayAttachment";
            }
        }
        return null;
    }

    /** Twelve digits, or "unknown" (an interface that an AWS service made). */
    private static boolean isAccountId(String s) {
        return s != null
                && (s.equals("unknown")
                        || s.length() == 12 && s.chars().allMatch(c -> c >= '0' && c <= '9'));
    }
}
