package io.trailwatch.alert.delivery;

import java.io.IOException;
import java.io.Serializable;

/**
 * The dead-letter output of delivery: where alerts go that no destination took. Serializable, so
 * that each sink subtask opens its own writer.
 */
public interface DeliveryFailureOutput extends Serializable {
    DeliveryFailureWriter open() throws IOException;

    /** Logs each failure as one JSON line at ERROR (CloudWatch Logs on Managed Flink). */
    static DeliveryFailureOutput log() {
        return new LogDeliveryFailures();
    }

    /** Appends JSON lines to a local file (replay); the caller empties the file beforehand. */
    static DeliveryFailureOutput jsonLines(String file) {
        return new JsonLinesDeliveryFailures(file);
    }
}
