package io.trailwatch.pipeline;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;

/** Event time of the pipeline's record types (DESIGN.md §4). */
final class EventTimes {
    private EventTimes() {}

    static long of(Object record) {
        if (record instanceof CloudTrailEvent) {
            return ((CloudTrailEvent) record).eventTime;
        }
        if (record instanceof FlowRecord) {
            return ((FlowRecord) record).eventTime;
        }
        throw new IllegalArgumentException("no event time for " + record.getClass());
    }
}
