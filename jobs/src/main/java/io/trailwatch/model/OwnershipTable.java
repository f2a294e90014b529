package io.trailwatch.model;

import java.io.Serializable;

/** A whole ownership table as parsed: broadcast to every parallel instance as one value. */
public class OwnershipTable implements Serializable {
    private static final long serialVersionUID = 1L;

    public OwnershipRow[] rows;

    /** Where the table was read from. */
    public String source;

    /** Content hash, so that logs can say which version of the table is in force. */
    public String version;

    public OwnershipTable() {}

    public OwnershipTable(OwnershipRow[] rows, String source, String version) {
        this.rows = rows;
        this.source = source;
        this.version = version;
    }

    public static OwnershipTable empty() {
        return new OwnershipTable(new OwnershipRow[0], "(none)", "empty");
    }
}
