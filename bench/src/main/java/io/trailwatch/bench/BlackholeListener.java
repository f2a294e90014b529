package io.trailwatch.bench;

import io.trailwatch.ingest.DecodedListener;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import org.openjdk.jmh.infra.Blackhole;

/** Hands every decoded record to JMH's blackhole, so that no decoding work is optimised away. */
final class BlackholeListener implements DecodedListener {
    private final Blackhole bh;

    BlackholeListener(Blackhole bh) {
        this.bh = bh;
    }

    @Override
    public void cloudTrail(CloudTrailEvent event) {
        bh.consume(event);
    }

    @Override
    public void flow(FlowRecord record) {
        bh.consume(record);
    }

    @Override
    public void skipped(SkipKind kind, String origin) {
        bh.consume(kind);
    }

    @Override
    public void deadLetter(String reason, String detail, String origin, String excerpt) {
        throw new IllegalStateException("benchmark input dead-lettered: " + reason + " " + detail);
    }
}
