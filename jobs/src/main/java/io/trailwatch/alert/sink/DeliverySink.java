package io.trailwatch.alert.sink;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.model.AlertDelivery;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * A sink that delivers alerts to one kind of destination on Flink's async sink base: the batching
 * and buffering limits it is given, the retry settings and the dead-letter output for its writers,
 * and writers created (or restored from a checkpoint) with the sink base's settings.
 *
 * @param <E> the buffered message
 */
public abstract class DeliverySink<E extends DeliveryEntry<E>>
        extends AsyncSinkBase<AlertDelivery, E> {
    private static final long serialVersionUID = 1L;

    private final SerializableSupplier<SimpleVersionedSerializer<BufferedRequestState<E>>>
            stateSerializer;
    private final RetrySettings retry;
    private final DeliveryFailureOutput failures;

    /**
     * @param converter makes the buffered message of a delivery
     * @param stateSerializer writes the buffered messages into checkpoints
     */
    protected DeliverySink(
            ElementConverter<AlertDelivery, E> converter,
            SerializableSupplier<SimpleVersionedSerializer<BufferedRequestState<E>>>
                    stateSerializer,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMillis,
            long maxRecordSizeInBytes,
            long requestTimeoutMillis,
            RetrySettings retry,
            DeliveryFailureOutput failures) {
        super(
                converter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMillis,
                maxRecordSizeInBytes,
                requestTimeoutMillis,
                // failOnTimeout: a request outlasting its timeout does not fail the job
                false);
        this.stateSerializer = stateSerializer;
        this.retry = retry;
        this.failures = failures;
    }

    /** The writer for this sink's destination. */
    protected abstract DeliverySinkWriter<E> writer(DeliverySinkWriter.Setup<E> setup)
            throws IOException;

    @Override
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<E>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<E>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<E>> state)
            throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .build();
        return writer(
                new DeliverySinkWriter.Setup<>(
                        getElementConverter(), context, configuration, state, retry, failures));
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<E>> getWriterStateSerializer() {
        return stateSerializer.get();
    }

    /** Flink 1.20 creates writers through {@link #createWriter(WriterInitContext)}. */
    @Override
    @Deprecated
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<E>> createWriter(
            Sink.InitContext context) {
        throw new UnsupportedOperationException("use createWriter(WriterInitContext)");
    }
}
