package io.trailwatch.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The MiniCluster a test class runs its jobs on, registered once per class:
 *
 * <pre>
 * &#64;RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(4);
 * </pre>
 *
 * The cluster starts before the class's first test and is shared by all of them; every job the
 * class starts runs on it.
 */
public final class TestClusters {
    private TestClusters() {}

    /** One task manager with this many slots: enough for the highest parallelism the class uses. */
    public static MiniClusterExtension withSlots(int slots) {
        return withTaskManagers(1, slots);
    }

    /** For tests that lose a task manager: so many of them, each with this many slots. */
    public static MiniClusterExtension withTaskManagers(int taskManagers, int slotsEach) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(taskManagers)
                        .setNumberSlotsPerTaskManager(slotsEach)
                        .build());
    }
}
