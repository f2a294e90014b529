package io.trailwatch.ingest;

import java.io.Serializable;
import java.time.Duration;

/**
 * Bounds that keep one bad input from exhausting memory: a gzip bomb, a runaway line, an endless
 * document. Input over a bound is dead-lettered with the bound it broke.
 */
public class DecodeLimits implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final long MIB = 1024L * 1024L;

    /** Longest line of a JSON-lines or flow log file. CloudWatch Logs events are at most 1 MiB. */
    public long maxLineBytes = MIB;

    /**
     * Largest single JSON document (a CloudTrail log file, a Kinesis record) after decompression.
     */
    public long maxDocumentBytes = 256 * MIB;

    /** Most bytes a gzip input may expand to. */
    public long maxDecompressedBytes = 1024 * MIB;

    /** Deepest nesting of JSON objects and arrays. */
    public int maxJsonDepth = 1000;

    /** Most digits of a JSON number. */
    public int maxJsonNumberLength = 1000;

    /** Longest JSON object key, in characters. */
    public int maxJsonNameLength = 50_000;

    /**
     * How far past the wall clock an event time may be (see {@link EventTimeRange}); later records
     * are dead letters.
     */
    public Duration eventTimeHorizon = EventTimeRange.DEFAULT_HORIZON;

    public DecodeLimits() {}

    public static DecodeLimits defaults() {
        return new DecodeLimits();
    }
}
