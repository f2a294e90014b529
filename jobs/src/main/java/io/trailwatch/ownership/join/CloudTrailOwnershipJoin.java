package io.trailwatch.ownership.join;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;

/** The ownership join for CloudTrail events. */
public class CloudTrailOwnershipJoin extends OwnershipJoin<CloudTrailEvent> {
    public CloudTrailOwnershipJoin(OwnershipTable initialTable) {
        super(initialTable);
    }

    @Override
    protected Owner resolve(OwnerResolver resolver, CloudTrailEvent event) {
        return resolver.resolve(event);
    }

    @Override
    protected void setOwner(CloudTrailEvent event, Owner owner) {
        event.owner = owner;
    }
}
