package io.trailwatch.ownership.join;

import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function that needs the ownership table in force. The table is broadcast state, so a new
 * version replaces it on every parallel instance without a restart; until one arrives (and after a
 * restart, until the state is restored) the table given at build time applies.
 */
public abstract class OwnershipTableFunction<IN, OUT>
        extends BroadcastProcessFunction<IN, OwnershipTable, OUT> {
    public static final MapStateDescriptor<String, OwnershipTable> TABLE_STATE =
            new MapStateDescriptor<>(
                    "ownership-table", Types.STRING, TypeInformation.of(OwnershipTable.class));
    private static final String CURRENT = "current";
    private static final Logger LOG = LoggerFactory.getLogger(OwnershipTableFunction.class);

    private final OwnershipTable initialTable;
    private transient OwnershipTable resolverTable;
    private transient OwnerResolver resolver;

    protected OwnershipTableFunction(OwnershipTable initialTable) {
        this.initialTable = initialTable;
    }

    /** Handles one element with the resolver of the table in force. */
    protected abstract void process(IN element, OwnerResolver owners, Collector<OUT> out)
            throws Exception;

    /**
     * Handles one element with the resolver of the table in force, for functions that also write
     * side outputs; by default the same as {@link #process(Object, OwnerResolver, Collector)}.
     */
    protected void process(
            IN element, OwnerResolver owners, ReadOnlyContext ctx, Collector<OUT> out)
            throws Exception {
        process(element, owners, out);
    }

    @Override
    public final void processElement(IN element, ReadOnlyContext ctx, Collector<OUT> out)
            throws Exception {
        OwnershipTable table = ctx.getBroadcastState(TABLE_STATE).get(CURRENT);
        process(element, resolverFor(table != null ? table : initialTable), ctx, out);
    }

    @Override
    public final void processBroadcastElement(OwnershipTable table, Context ctx, Collector<OUT> out)
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
