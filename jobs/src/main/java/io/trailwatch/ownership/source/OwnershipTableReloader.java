package io.trailwatch.ownership.source;

import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the ownership table and decides what, if anything, to publish: a new valid version, or
 * nothing. A broken or unreadable version is rejected with its reason in the log (once per version,
 * not every interval) and the last good table stays in force.
 */
public final class OwnershipTableReloader {
    private static final Logger LOG = LoggerFactory.getLogger(OwnershipTableReloader.class);

    private final TableLocation location;
    private final TrustedCidrLimit trust;
    private String lastTag;
    private String lastGoodVersion;
    private String lastProblem;

    /** Counts for metrics and tests. */
    private long published;

    private long rejected;

    public OwnershipTableReloader(TableLocation location) {
        this(location, TrustedCidrLimit.DEFAULT);
    }

    public OwnershipTableReloader(TableLocation location, TrustedCidrLimit trust) {
        this.location = location;
        this.trust = trust;
    }

    /**
     * @return the table to publish, or {@code null} when there is nothing new (unchanged, or
     *     rejected)
     */
    public OwnershipTable poll() {
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
        lastTag = fetched.tag;
        OwnershipTable table;
        try {
            table = OwnershipTableParser.parse(fetched.content, location.describe(), trust);
        } catch (OwnershipTableException e) {
            reject("is broken: " + e.getMessage());
            return null;
        }
        lastProblem = null;
        if (table.version.equals(lastGoodVersion)) {
            return null;
        }
        lastGoodVersion = table.version;
        published++;
        LOG.info(
                "Ownership table {} version {} ({} rows) read; publishing it",
                location.describe(),
                table.version,
                table.rows.length);
        return table;
    }

    private void reject(String problem) {
        rejected++;
        if (!problem.equals(lastProblem)) {
            LOG.warn(
                    "Ownership table {} {}; the last good version ({}) stays in force",
                    location.describe(),
                    problem,
                    lastGoodVersion == null ? "the one the job started with" : lastGoodVersion);
            lastProblem = problem;
        }
    }

    public long published() {
        return published;
    }

    public long rejected() {
        return rejected;
    }
}
