package io.trailwatch.model;

import java.io.Serializable;

/**
 * AWS's published IP address ranges ({@code ip-ranges.json}) as parsed: broadcast to every parallel
 * instance as one value. Each published prefix is one entry, whatever number of services it is
 * listed under; the three arrays run in parallel.
 */
public class AwsRanges implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the ranges were read from. */
    public String source;

    /** The file's {@code syncToken}: its publication time in epoch seconds, as digits. */
    public String syncToken;

    /** The file's {@code createDate} as published ({@code yyyy-MM-dd-HH-mm-ss}, UTC). */
    public String createDate;

    /** Each prefix in CIDR notation, IPv4 and IPv6. */
    public String[] prefixes;

    /**
     * Where each prefix is announced: its {@code region}, followed by its {@code
     * network_border_group} after a slash when that differs (a Local Zone, Wavelength).
     */
    public String[] regions;

    /** The services each prefix is listed under, sorted and space-separated ("AMAZON EC2"). */
    public String[] services;

    public AwsRanges() {}

    public AwsRanges(
            String source,
            String syncToken,
            String createDate,
            String[] prefixes,
            String[] regions,
            String[] services) {
        this.source = source;
        this.syncToken = syncToken;
        this.createDate = createDate;
        this.prefixes = prefixes;
        this.regions = regions;
        this.services = services;
    }

    /** The publication time, for telling the newer of two versions. */
    public long publishedAt() {
        try {
            return Long.parseLong(syncToken);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public String toString() {
        return source + " (syncToken " + syncToken + ", " + prefixes.length + " prefixes)";
    }
}
