package io.trailwatch.ownership;

/** One of AWS's published prefixes: where it is announced and the services it is listed under. */
public final class AwsRange {
    private final String prefix;
    private final String region;
    private final String services;
    private final String description;

    AwsRange(String prefix, String region, String services) {
        this.prefix = prefix;
        this.region = region;
        this.services = services;
        this.description = prefix + " " + region + " " + services;
    }

    /** The prefix in CIDR notation, as published. */
    public String prefix() {
        return prefix;
    }

    /** The region (or GLOBAL), with the network border group after a slash when it differs. */
    public String region() {
        return region;
    }

    /** The services the prefix is listed under, space-separated, e.g. "AMAZON EC2". */
    public String services() {
        return services;
    }

    /** "prefix region services", e.g. "3.5.140.0/22 ap-northeast-2 AMAZON EC2". */
    @Override
    public String toString() {
        return description;
    }
}
