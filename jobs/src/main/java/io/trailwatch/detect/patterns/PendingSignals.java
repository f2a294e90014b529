package io.trailwatch.detect.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A key's records held back until the watermark passes their time, then handed over in a fixed
 * order: this is what makes the detectors' outcome independent of arrival order (sorted or shuffled
 * input, any parallelism). Records are grouped by the watermark time at which they are due, one
 * timer per group.
 *
 * @param <T> the record type (a Flink POJO: the list is serialized without Kryo)
 */
public final class PendingSignals<T> {
    private final MapState<Long, List<T>> byDueTime;
    private final Comparator<T> order;

    public PendingSignals(RuntimeContext ctx, String name, Class<T> type, Comparator<T> order) {
        this.byDueTime =
                ctx.getMapState(
                        new MapStateDescriptor<>(
                                name, Types.LONG, Types.LIST(TypeInformation.of(type))));
        this.order = order;
    }

    /** Holds a record until the watermark reaches {@code dueTime}. */
    public void add(long dueTime, T record) throws Exception {
        List<T> group = byDueTime.get(dueTime);
        if (group == null) {
            group = new ArrayList<>(2);
        }
        group.add(record);
        byDueTime.put(dueTime, group);
    }

    /** The records due at {@code dueTime}, in their fixed order; they are removed. */
    public List<T> release(long dueTime) throws Exception {
        List<T> group = byDueTime.get(dueTime);
        if (group == null) {
            return List.of();
        }
        byDueTime.remove(dueTime);
        group.sort(order);
        return group;
    }
}
