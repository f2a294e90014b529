package io.trailwatch.detect.operators;

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
 * <p>Each record is its own map entry, under its due time and its number within the group, and a
 * second map counts the groups of more than one: adding and releasing cost the same per record on
 * the heap backend and on RocksDB, where a list per group would be rewritten whole on every add
 * (quadratic for a principal with thousands of calls in one second). Most groups hold one record
 * (CloudTrail times are whole seconds, and a key rarely has two signals in one), so such a group is
 * its first entry alone: two state accesses to add, three to release.
 *
 * @param <T> the record type (serialized without Kryo)
 */
public final class PendingSignals<T> {
    /** Bits of a slot number: room for a million records of one key due in one millisecond. */
    private static final int SLOT_BITS = 20;

    static final int MAX_PER_GROUP = 1 << SLOT_BITS;

    private final MapState<Long, T> records;
    private final MapState<Long, Integer> groupSizes;
    private final Comparator<T> order;

    public PendingSignals(
            RuntimeContext ctx, String name, TypeInformation<T> type, Comparator<T> order) {
        this.records = ctx.getMapState(new MapStateDescriptor<>(name, Types.LONG, type));
        this.groupSizes =
                ctx.getMapState(new MapStateDescriptor<>(name + "-groups", Types.LONG, Types.INT));
        this.order = order;
    }

    /** What {@link #add} did with a record. */
    public enum Added {
        /** The first record due at its time: the caller needs a timer for it. */
        NEW_GROUP,
        /** Joined records already due at its time, whose timer is registered. */
        JOINED_GROUP,
        /** Not taken: the group is full. */
        GROUP_FULL
    }

    /**
     * Holds a record until the watermark reaches {@code dueTime} (a positive epoch millisecond).
     */
    public Added add(long dueTime, T record) throws Exception {
        long first = slot(dueTime, 0);
        if (!records.contains(first)) {
            records.put(first, record);
            return Added.NEW_GROUP;
        }
        Integer size = groupSizes.get(dueTime);
        int n = size == null ? 1 : size;
        if (n >= MAX_PER_GROUP) {
            return Added.GROUP_FULL;
        }
        records.put(slot(dueTime, n), record);
        groupSizes.put(dueTime, n + 1);
        return Added.JOINED_GROUP;
    }

    /** The records due at {@code dueTime}, in their fixed order; they are removed. */
    public List<T> release(long dueTime) throws Exception {
        long first = slot(dueTime, 0);
        T head = records.get(first);
        if (head == null) {
            return List.of();
        }
        records.remove(first);
        Integer size = groupSizes.get(dueTime);
        if (size == null) {
            return List.of(head);
        }
        groupSizes.remove(dueTime);
        List<T> group = new ArrayList<>(size);
        group.add(head);
        for (int n = 1; n < size; n++) {
            long slot = slot(dueTime, n);
            group.add(records.get(slot));
            records.remove(slot);
        }
        group.sort(order);
        return group;
    }

    private static long slot(long dueTime, int n) {
        return dueTime << SLOT_BITS | n;
    }
}
