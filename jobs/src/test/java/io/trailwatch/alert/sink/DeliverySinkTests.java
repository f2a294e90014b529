package io.trailwatch.alert.sink;

import static io.trailwatch.alert.TestAlerts.payments;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;

/** Delivery sinks driven directly by a test, and the alerts they deliver. */
public final class DeliverySinkTests {
    /** Time in the buffer long enough that only a full batch or a flush sends. */
    public static final long AN_HOUR = 3_600_000;

    private DeliverySinkTests() {}

    /** The public constructor every delivery sink has. */
    @FunctionalInterface
    public interface Constructor<S, E extends DeliveryEntry<E>> {
        DeliverySink<E> create(
                S settings,
                RetrySettings retry,
                DeliveryFailureOutput failures,
                long maxTimeInBufferMillis);
    }

    /**
     * A sink that writes its dead letters as JSON lines to {@code deadLetters} and keeps messages
     * {@link #AN_HOUR} in its buffer.
     */
    public static <S, E extends DeliveryEntry<E>> DeliverySink<E> sink(
            Constructor<S, E> constructor, S settings, RetrySettings retry, Path deadLetters) {
        return constructor.create(
                settings, retry, DeliveryFailureOutput.jsonLines(deadLetters.toString()), AN_HOUR);
    }

    /** The sink's writer as a task starts it, with nothing restored. */
    public static <E extends DeliveryEntry<E>>
            StatefulSinkWriter<AlertDelivery, BufferedRequestState<E>> start(DeliverySink<E> sink)
                    throws IOException {
        return sink.createWriter(new TestWriterContext());
    }

    /** The i-th of a run of alerts, each with its own event, time and security group. */
    public static Alert alert(int i) {
        return securityGroupOpened(
                "e-" + i,
                Instant.parse("2026-10-14T09:00:00Z").plusSeconds(i).toString(),
                String.format("sg-0a1b2c3d4e5f6%04d", i),
                payments());
    }
}
