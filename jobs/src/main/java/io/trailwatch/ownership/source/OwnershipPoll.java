package io.trailwatch.ownership.source;

import io.trailwatch.model.OwnershipTable;

/** What one poll of the table location found: a new table, or nothing ({@code table == null}). */
public class OwnershipPoll {
    public OwnershipTable table;

    public OwnershipPoll() {}

    public OwnershipPoll(OwnershipTable table) {
        this.table = table;
    }
}
