package io.trailwatch.alert.delivery;

import io.trailwatch.model.DeliveryFailure;
import java.io.Closeable;
import java.io.IOException;

/**
 * Takes undeliverable alerts. Implementations are thread-safe (sinks report from HTTP client
 * threads) and persist before returning, so a sink acknowledges a message only once its dead letter
 * is safe.
 */
public interface DeliveryFailureWriter extends Closeable {
    void write(DeliveryFailure failure) throws IOException;
}
