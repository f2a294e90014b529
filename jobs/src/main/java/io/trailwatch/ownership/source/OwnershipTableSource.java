package io.trailwatch.ownership.source;

import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * New versions of the ownership table, read every reload interval by a source (the reading is
 * blocking I/O, so it happens here and never inside an ordinary operator) and fed to the pipeline's
 * broadcast ownership table.
 *
 * <p>The poll is driven by Flink's rate-limited generator source (FLIP-27, checkpointed without
 * Kryo): one poll per interval on one reader. The first poll after every (re)start publishes the
 * table as it is then, so a job restored from a snapshot that holds an older table catches up at
 * once.
 */
public final class OwnershipTableSource {
    /**
     * Table versions are not events in time, so this input declares itself idle for good: it never
     * holds back event time, whatever operator it is connected to. (The analysis operator derives
     * event time from the decoded records and ignores this input's watermarks anyway; not a final
     * watermark, which an operator that combines its inputs would pass on, pushing event time past
     * records still to come.)
     */
    static final WatermarkStrategy<OwnershipPoll> NEVER_HOLDS_BACK_EVENT_TIME =
            WatermarkStrategy.forGenerator(ctx -> new AlwaysIdle());

    private OwnershipTableSource() {}

    /**
     * @param location a file path or {@code s3://bucket/key}
     * @param region the bucket's region
     * @param s3Endpoint another endpoint than AWS's, or {@code null}
     * @param reloadInterval how often the table is read again
     * @param trust the broadest trusted range a row may name
     */
    public static DataStream<OwnershipTable> create(
            StreamExecutionEnvironment env,
            String location,
            String region,
            String s3Endpoint,
            Duration reloadInterval,
            TrustedCidrLimit trust) {
        double pollsPerSecond = 1000.0 / reloadInterval.toMillis();
        DataGeneratorSource<OwnershipPoll> polls =
                new DataGeneratorSource<>(
                        new Poll(location, region, s3Endpoint, trust),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(pollsPerSecond),
                        TypeInformation.of(OwnershipPoll.class));
        return env.fromSource(polls, NEVER_HOLDS_BACK_EVENT_TIME, "Ownership table " + location)
                .setParallelism(1)
                .uid("ownership-table-polls")
                .name("Ownership table polls")
                .filter(new HasNewTable())
                .setParallelism(1)
                .uid("ownership-table-changes")
                .name("New ownership table versions")
                .map(new TableOf())
                .setParallelism(1)
                .uid("ownership-table-updates")
                .name("Ownership table updates");
    }

    /** One poll of the location; the reloader lives on the reader, created when it opens. */
    static final class Poll implements GeneratorFunction<Long, OwnershipPoll> {
        private static final long serialVersionUID = 1L;
        private final String location;
        private final String region;
        private final String s3Endpoint;
        private final TrustedCidrLimit trust;
        private transient TableLocation opened;
        private transient OwnershipTableReloader reloader;

        Poll(String location, String region, String s3Endpoint, TrustedCidrLimit trust) {
            this.location = location;
            this.region = region;
            this.s3Endpoint = s3Endpoint;
            this.trust = trust;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            opened = TableLocations.open(location, region, s3Endpoint);
            reloader = new OwnershipTableReloader(opened, trust);
        }

        @Override
        public OwnershipPoll map(Long index) {
            return new OwnershipPoll(reloader.poll());
        }

        @Override
        public void close() {
            if (opened != null) {
                opened.close();
            }
        }
    }

    static final class AlwaysIdle implements WatermarkGenerator<OwnershipPoll> {
        @Override
        public void onEvent(OwnershipPoll poll, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }

    static final class HasNewTable implements FilterFunction<OwnershipPoll> {
        @Override
        public boolean filter(OwnershipPoll poll) {
            return poll.table != null;
        }
    }

    static final class TableOf implements MapFunction<OwnershipPoll, OwnershipTable> {
        @Override
        public OwnershipTable map(OwnershipPoll poll) {
            return poll.table;
        }
    }
}
