package io.trailwatch.model;

/** The CloudTrail {@code userIdentity} element, flattened to the fields detectors use. */
public class UserIdentity {
    /** Root, IAMUser, AssumedRole, FederatedUser, AWSAccount, AWSService, IdentityCenterUser … */
    public String type;

    public String principalId;
    public String arn;
    public String accountId;
    public String accessKeyId;
    public String userName;

    /**
     * Set when an AWS service made the call on the principal's behalf (e.g. {@code
     * ec2.amazonaws.com}).
     */
    public String invokedBy;

    public String sessionIssuerType;
    public String sessionIssuerArn;
    public String sessionIssuerUserName;
    public String sessionIssuerAccountId;
    public Boolean mfaAuthenticated;
    public String sessionCreationDate;

    /** Present only for EC2 instance-role sessions: "1.0" (IMDSv1) or "2.0" (IMDSv2). */
    public String ec2RoleDelivery;

    public String sourceIdentity;

    public UserIdentity() {}
}
