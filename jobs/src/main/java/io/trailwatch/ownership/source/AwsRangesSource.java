package io.trailwatch.ownership.source;

import io.trailwatch.model.AwsRanges;
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
 * New versions of AWS's published ranges, read every reload interval (a day by default) by a
 * source, as {@link OwnershipTableSource} reads the ownership table: the reading is blocking I/O
 * (HTTPS, S3 or a file), so it happens here and never inside an ordinary operator, and the versions
 * go to the analysis operator's broadcast state. The first poll after every (re)start publishes the
 * ranges as they are then.
 */
public final class AwsRangesSource {
    /** Range versions are not events in time: this input never holds back event time. */
    static final WatermarkStrategy<AwsRangesPoll> NEVER_HOLDS_BACK_EVENT_TIME =
            WatermarkStrategy.forGenerator(ctx -> new AlwaysIdle());

    private AwsRangesSource() {}

    /**
     * @param location {@code https://…}, {@code s3://bucket/key} or a file path
     * @param region the bucket's region
     * @param s3Endpoint another endpoint than AWS's, or {@code null}
     * @param reloadInterval how often the ranges are read again
     */
    public static DataStream<AwsRanges> create(
            StreamExecutionEnvironment env,
            String location,
            String region,
            String s3Endpoint,
            Duration reloadInterval) {
        double pollsPerSecond = 1000.0 / reloadInterval.toMillis();
        DataGeneratorSource<AwsRangesPoll> polls =
                new DataGeneratorSource<>(
                        new Poll(location, region, s3Endpoint),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(pollsPerSecond),
                        TypeInformation.of(AwsRangesPoll.class));
        return env.fromSource(polls, NEVER_HOLDS_BACK_EVENT_TIME, "AWS ranges " + location)
                .setParallelism(1)
                .uid("aws-ranges-polls")
                .name("AWS ranges polls")
                .filter(new HasNewRanges())
                .setParallelism(1)
                .uid("aws-ranges-changes")
                .name("New AWS ranges versions")
                .map(new RangesOf())
                .setParallelism(1)
                .uid("aws-ranges-updates")
                .name("AWS ranges updates");
    }

    /** One poll of the location; the reloader lives on the reader, created when it opens. */
    static final class Poll implements GeneratorFunction<Long, AwsRangesPoll> {
        private static final long serialVersionUID = 1L;
        private final String location;
        private final String region;
        private final String s3Endpoint;
        private transient TableLocation opened;
        private transient AwsRangesReloader reloader;

        Poll(String location, String region, String s3Endpoint) {
            this.location = location;
            this.region = region;
            this.s3Endpoint = s3Endpoint;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            opened = TableLocations.open(location, region, s3Endpoint);
            reloader = new AwsRangesReloader(opened);
        }

        @Override
        public AwsRangesPoll map(Long index) {
            return new AwsRangesPoll(reloader.poll());
        }

        @Override
        public void close() {
            if (opened != null) {
                opened.close();
            }
        }
    }

    static final class AlwaysIdle implements WatermarkGenerator<AwsRangesPoll> {
        @Override
        public void onEvent(AwsRangesPoll poll, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }

    static final class HasNewRanges implements FilterFunction<AwsRangesPoll> {
        @Override
        public boolean filter(AwsRangesPoll poll) {
            return poll.ranges != null;
        }
    }

    static final class RangesOf implements MapFunction<AwsRangesPoll, AwsRanges> {
        @Override
        public AwsRanges map(AwsRangesPoll poll) {
            return poll.ranges;
        }
    }
}
