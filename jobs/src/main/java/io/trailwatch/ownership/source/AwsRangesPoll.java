package io.trailwatch.ownership.source;

import io.trailwatch.model.AwsRanges;

/** What one poll of AWS's ranges found: a new version, or nothing ({@code ranges == null}). */
public class AwsRangesPoll {
    public AwsRanges ranges;

    public AwsRangesPoll() {}

    public AwsRangesPoll(AwsRanges ranges) {
        this.ranges = ranges;
    }
}
