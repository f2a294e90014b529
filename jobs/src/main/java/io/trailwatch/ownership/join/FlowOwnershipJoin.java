package io.trailwatch.ownership.join;

import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;

/** The ownership join for flow records. */
public class FlowOwnershipJoin extends OwnershipJoin<FlowRecord> {
    public FlowOwnershipJoin(OwnershipTable initialTable) {
        super(initialTable);
    }

    @Override
    protected Owner resolve(OwnerResolver resolver, FlowRecord record) {
        return resolver.resolve(record);
    }

    @Override
    protected void setOwner(FlowRecord record, Owner owner) {
        record.owner = owner;
    }
}
