package io.trailwatch.ingest;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;

/** Receives what a decoder makes of its input: events, flow records, skips and dead letters. */
public interface DecodedListener {
    void cloudTrail(CloudTrailEvent event);

    void flow(FlowRecord record);

    /** Input that is valid but carries nothing to analyse (NODATA, SKIPDATA, CONTROL_MESSAGE). */
    void skipped(SkipKind kind, String origin);

    void deadLetter(String reason, String detail, String origin, String excerpt);
}
