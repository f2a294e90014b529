package io.trailwatch.ownership.join;

import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins each event with its owner. The table in force is broadcast state, so a new table version
 * replaces it on every parallel instance without a restart; until one arrives (and after a restart,
 * until the state is restored) the table given at build time applies.
 *
 * @param <T> CloudTrail events or flow records
 */
public abstract class OwnershipJoin<T> extends BroadcastProcessFunction<T, OwnershipTable, T> {
    public static final MapStateDescriptor<String, OwnershipTable> TABLE_STATE =
            new MapStateDescriptor<>(
                    "ownership-table", Types.STRING, TypeInformation.of(OwnershipTable.class));
    private static final String CURRENT = "current";
    private static final Logger LOG = LoggerFactory.getLogger(OwnershipJoin.class);

    private final OwnershipTable initialTable;
    private transient OwnershipTable resolverTable;
    private transient OwnerResolver resolver;

    protected OwnershipJoin(OwnershipTable initialTable) {
        this.initialTable = initialTable;
    }

    protected abstract Owner resolve(OwnerResolver resolver, T element);

    protected abstract void setOwner(T element, Owner owner);

    @Override
    public void processElement(T element, ReadOnlyContext ctx, Collector<T> out) throws Exception {
        ReadOnlyBroadcastState<String, OwnershipTable> state = ctx.getBroadcastState(TABLE_STATE);
        OwnershipTable table = state.get(CURRENT);
        setOwner(element, resolve(resolverFor(table != null ? table : initialTable), element));
        out.collect(element);
    }

    @Override
    public void processBroadcastElement(OwnershipTable table, Context ctx, Collector<T> out)
            throws Exception {
        BroadcastState<String, OwnershipTable> state = ctx.getBroadcastState(TABLE_STATE);
        OwnershipTable previous = state.get(CURRENT);
        if (previous == null || !table.version.equals(previous.version)) {
            LOG.info(
                    "Ownership table {} version {} in force ({} rows)",
                    table.source,
                    table.version,
                    table.rows.length);
        }
        state.put(CURRENT, table);
    }

    private OwnerResolver resolverFor(OwnershipTable table) {
        if (resolver == null || resolverTable != table) {
            resolver = new OwnerResolver(table);
            resolverTable = table;
        }
        return resolver;
    }
}
