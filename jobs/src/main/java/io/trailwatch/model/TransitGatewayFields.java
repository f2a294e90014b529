package io.trailwatch.model;

/**
 * The fields only transit gateway flow logs carry (flow log version 6): which gateway and
 * attachments a flow crossed, the VPCs, subnets and interfaces on either side, and the packets the
 * gateway dropped. A flow record holds them in one object of their own, made only for a transit
 * gateway record, so that the records of VPC flow logs, most of the input, do not grow by a slot
 * per field. A field the record shows as {@code -} is {@code null}.
 */
public class TransitGatewayFields {
    /** What the flow log was created on: {@code TransitGateway} (or its attachment). */
    public String resourceType;

    public String tgwId;
    public String attachmentId;
    public String srcVpcAccountId;
    public String dstVpcAccountId;
    public String srcVpcId;
    public String dstVpcId;
    public String srcSubnetId;
    public String dstSubnetId;
    public String srcEni;
    public String dstEni;
    public String srcAzId;
    public String dstAzId;

    /** The attachment on the other side of the gateway: egress or ingress, by the direction. */
    public String pairAttachmentId;

    public Long packetsLostNoRoute;
    public Long packetsLostBlackhole;
    public Long packetsLostMtuExceeded;
    public Long packetsLostTtlExpired;

    public TransitGatewayFields() {}
}
