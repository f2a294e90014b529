package io.trailwatch.alert.sink;

import org.apache.flink.api.connector.sink2.SinkWriter;

/** The element context a sink writer is handed; delivery sinks do not use it. */
public final class WriterContexts {
    public static final SinkWriter.Context NONE =
            new SinkWriter.Context() {
                @Override
                public long currentWatermark() {
                    return Long.MIN_VALUE;
                }

                @Override
                public Long timestamp() {
                    return null;
                }
            };

    private WriterContexts() {}
}
