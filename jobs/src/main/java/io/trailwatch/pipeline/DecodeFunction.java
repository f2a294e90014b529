package io.trailwatch.pipeline;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedListener;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes raw records: CloudTrail events on the main output, flow records and dead letters on the
 * side.
 */
public class DecodeFunction extends ProcessFunction<RawRecord, CloudTrailEvent> {
    public static final OutputTag<FlowRecord> FLOW = new OutputTag<>("flow-records") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final DecodeLimits limits;
    private final String headerlessFlowFormat;

    private transient RecordDecoder decoder;
    private transient Emitter emitter;

    public DecodeFunction(DecodeLimits limits, String headerlessFlowFormat) {
        this.limits = limits;
        this.headerlessFlowFormat = headerlessFlowFormat;
    }

    @Override
    public void open(OpenContext openContext) {
        FlowLogFormat format = FlowLogFormat.parseHeader(headerlessFlowFormat);
        if (format == null) {
            throw new IllegalArgumentException("not a flow log format: " + headerlessFlowFormat);
        }
        decoder = new RecordDecoder(limits, format);
        emitter = new Emitter();
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<CloudTrailEvent> out) {
        emitter.ctx = ctx;
        emitter.out = out;
        decoder.decode(raw, emitter);
    }

    private LongCounter counter(String name) {
        LongCounter c = getRuntimeContext().getLongCounter(name);
        return c;
    }

    /** Routes decoder output to the operator's outputs and counts it. */
    private final class Emitter implements DecodedListener {
        Context ctx;
        Collector<CloudTrailEvent> out;
        private final LongCounter cloudTrail = counter(Counters.CLOUDTRAIL_RECORDS);
        private final LongCounter flows = counter(Counters.FLOW_RECORDS);
        private final LongCounter nodata = counter(Counters.FLOW_NODATA);
        private final LongCounter skipdata = counter(Counters.FLOW_SKIPDATA);
        private final LongCounter control = counter(Counters.CLOUDWATCH_CONTROL);
        private final LongCounter deadLetters = counter(Counters.DEAD_LETTERS);
        private final Map<String, LongCounter> byReason = new HashMap<>();

        @Override
        public void cloudTrail(CloudTrailEvent event) {
            cloudTrail.add(1);
            out.collect(event);
        }

        @Override
        public void flow(FlowRecord record) {
            flows.add(1);
            ctx.output(FLOW, record);
        }

        @Override
        public void skipped(SkipKind kind, String origin) {
            switch (kind) {
                case FLOW_NODATA:
                    nodata.add(1);
                    break;
                case FLOW_SKIPDATA:
                    skipdata.add(1);
                    break;
                default:
                    control.add(1);
            }
        }

        @Override
        public void deadLetter(String reason, String detail, String origin, String excerpt) {
            deadLetters.add(1);
            byReason.computeIfAbsent(reason, r -> counter(Counters.DEAD_LETTER_REASON + r)).add(1);
            ctx.output(
                    DEAD_LETTERS,
                    new DeadLetter(reason, detail, origin, excerpt, System.currentTimeMillis()));
        }
    }
}
