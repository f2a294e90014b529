package io.trailwatch.ingest.kinesis;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How the job reads its Kinesis streams: where, from which position and how fast.
 *
 * @param region the streams' AWS region
 * @param endpoint another endpoint than AWS's (a local emulator), or {@code null}
 * @param initialPosition where a job without saved positions starts: {@code LATEST}, {@code
 *     TRIM_HORIZON} or {@code AT_TIMESTAMP}
 * @param initialTimestamp the time to start at with {@code AT_TIMESTAMP}, or {@code null}
 * @param pollInterval the pause between reads of a shard
 * @param pollMaxRecords the most records one read returns
 */
public record KinesisReadSettings(
        String region,
        String endpoint,
        String initialPosition,
        Instant initialTimestamp,
        Duration pollInterval,
        int pollMaxRecords)
        implements Serializable {}
