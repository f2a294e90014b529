package io.trailwatch.ownership.join;

import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import org.apache.flink.util.Collector;

/**
 * Joins each event with its owner from the ownership table in force.
 *
 * @param <T> CloudTrail events or flow records
 */
public abstract class OwnershipJoin<T> extends OwnershipTableFunction<T, T> {
    protected OwnershipJoin(OwnershipTable initialTable) {
        super(initialTable);
    }

    protected abstract Owner resolve(OwnerResolver resolver, T element);

    protected abstract void setOwner(T element, Owner owner);

    @Override
    protected void process(T element, OwnerResolver owners, Collector<T> out) {
        setOwner(element, resolve(owners, element));
        out.collect(element);
    }
}
