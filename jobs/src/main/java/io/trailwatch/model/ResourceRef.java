package io.trailwatch.model;

/** One entry of a CloudTrail record's {@code resources} list. */
public class ResourceRef {
    public String arn;
    public String accountId;
    public String type;

    public ResourceRef() {}

    public ResourceRef(String arn, String accountId, String type) {
        this.arn = arn;
        this.accountId = accountId;
        this.type = type;
    }
}
