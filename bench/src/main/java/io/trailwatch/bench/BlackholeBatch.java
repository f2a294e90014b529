package io.trailwatch.bench;

import io.trailwatch.ingest.DecodedBatch;
import org.openjdk.jmh.infra.Blackhole;

/** Hands every decoded record to JMH's blackhole, so that no decoding work is optimised away. */
final class BlackholeBatch {
    private BlackholeBatch() {}

    static void consume(DecodedBatch decoded, Blackhole bh) {
        for (int i = 0; i < decoded.size(); i++) {
            switch (decoded.kind(i)) {
                case CLOUDTRAIL:
                    bh.consume(decoded.cloudTrail(i));
                    break;
                case FLOW:
                    bh.consume(decoded.flow(i));
                    break;
                case SKIPPED:
                    bh.consume(decoded.skipped(i));
                    break;
                default:
                    throw new IllegalStateException(
                            "benchmark input dead-lettered: " + decoded.deadLetter(i));
            }
        }
    }
}
