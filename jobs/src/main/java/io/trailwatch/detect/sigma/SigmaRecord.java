package io.trailwatch.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.detect.rules.EventView;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.Owner;

/**
 * One CloudTrail event or flow record as Sigma rules read it. The event's JSON documents are parsed
 * once, on first use, and shared by every rule (through the {@link EventView}).
 */
public final class SigmaRecord {
    private final EventView event;
    private final FlowRecord flow;
    private JsonNode serviceEventDetails;

    private SigmaRecord(EventView event, FlowRecord flow) {
        this.event = event;
        this.flow = flow;
    }

    public static SigmaRecord of(EventView event) {
        return new SigmaRecord(event, null);
    }

    public static SigmaRecord of(CloudTrailEvent event) {
        return new SigmaRecord(new EventView(event), null);
    }

    public static SigmaRecord of(FlowRecord flow) {
        return new SigmaRecord(null, flow);
    }

    /** The CloudTrail event, or {@code null} for a flow record. */
    public EventView view() {
        return event;
    }

    public CloudTrailEvent cloudTrail() {
        return event == null ? null : event.event();
    }

    /** The flow record, or {@code null} for a CloudTrail event. */
    public FlowRecord flow() {
        return flow;
    }

    public Owner owner() {
        return event != null ? event.event().owner : flow.owner;
    }

    JsonNode serviceEventDetails() {
        if (serviceEventDetails == null) {
            serviceEventDetails = EventView.parse(event.event().serviceEventDetails);
        }
        return serviceEventDetails;
    }
}
