package io.trailwatch.alert.sink;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Writes delivery dead letters produced inside the graph (unroutable alerts) to their output. */
public class DeliveryFailureSink implements Sink<DeliveryFailure> {
    private static final long serialVersionUID = 1L;

    private final DeliveryFailureOutput output;

    public DeliveryFailureSink(DeliveryFailureOutput output) {
        this.output = output;
    }

    @Override
    public SinkWriter<DeliveryFailure> createWriter(WriterInitContext context) throws IOException {
        DeliveryFailureWriter writer = output.open();
        return new SinkWriter<>() {
            @Override
            public void write(DeliveryFailure failure, Context context) throws IOException {
                writer.write(failure);
            }

            @Override
            public void flush(boolean endOfInput) {
                // every write is already persisted
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    /** Flink 1.20 creates writers through {@link #createWriter(WriterInitContext)}. */
    @Override
    @Deprecated
    public SinkWriter<DeliveryFailure> createWriter(Sink.InitContext context) {
        throw new UnsupportedOperationException("use createWriter(WriterInitContext)");
    }
}
