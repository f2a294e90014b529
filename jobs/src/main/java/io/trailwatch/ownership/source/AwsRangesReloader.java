package io.trailwatch.ownership.source;

import io.trailwatch.model.AwsRanges;
import io.trailwatch.ownership.AwsRangesException;
import io.trailwatch.ownership.AwsRangesParser;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads AWS's ranges and decides what, if anything, to publish: a new valid version (a new
 * {@code syncToken}), or nothing. A version that cannot be read or parsed is rejected with its
 * reason in the log (once per reason, not every interval) and counted; the last good ranges stay in
 * force.
 */
public final class AwsRangesReloader {
    private static final Logger LOG = LoggerFactory.getLogger(AwsRangesReloader.class);

    private final TableLocation location;
    private String lastTag;
    private String lastGoodVersion;
    private String lastProblem;
    private long published;
    private long rejected;

    public AwsRangesReloader(TableLocation location) {
        this.location = location;
    }

    /**
     * @return the ranges to publish, or {@code null} when there is nothing new (unchanged, or
     *     rejected)
     */
    public AwsRanges poll() {
        TableLocation.Fetched fetched;
        try {
            fetched = location.fetch(lastTag);
        } catch (IOException | RuntimeException e) {
            reject("cannot be read: " + e.getMessage());
            return null;
        }
        if (fetched == null) {
            return null;
        }
        AwsRanges ranges;
        try {
            ranges = AwsRangesParser.parse(fetched.content, location.describe());
        } catch (AwsRangesException e) {
            reject("is broken: " + e.getMessage());
            return null;
        }
        // Only a good version is remembered: a broken one under the same tag is tried again.
        lastTag = fetched.tag;
        lastProblem = null;
        if (ranges.syncToken.equals(lastGoodVersion)) {
            return null;
        }
        lastGoodVersion = ranges.syncToken;
        published++;
        LOG.info(
                "AWS ranges {} read: syncToken {}, created {}, {} prefixes; publishing them",
                location.describe(),
                ranges.syncToken,
                ranges.createDate,
                ranges.prefixes.length);
        return ranges;
    }

    private void reject(String problem) {
        rejected++;
        if (!problem.equals(lastProblem)) {
            LOG.warn(
                    "AWS ranges {} {}; the last good ranges ({}) stay in force",
                    location.describe(),
                    problem,
                    lastGoodVersion == null
                            ? "those the job started with"
                            : "syncToken " + lastGoodVersion);
            lastProblem = problem;
        }
    }

    /** Versions published since the reloader started. */
    public long published() {
        return published;
    }

    /** Polls that failed (unreadable or broken), each counted. */
    public long rejected() {
        return rejected;
    }
}
