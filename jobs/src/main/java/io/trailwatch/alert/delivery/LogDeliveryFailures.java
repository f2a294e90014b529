package io.trailwatch.alert.delivery;

import io.trailwatch.model.DeliveryFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters as log lines: on Managed Service for Apache Flink the application log goes to
 * CloudWatch Logs, where a metric filter on this logger can alarm and the JSON holds the complete
 * alert for re-sending.
 */
final class LogDeliveryFailures implements DeliveryFailureOutput {
    private static final long serialVersionUID = 1L;
    static final String LOGGER = "io.trailwatch.delivery.DeadLetters";

    @Override
    public DeliveryFailureWriter open() {
        Logger log = LoggerFactory.getLogger(LOGGER);
        return new DeliveryFailureWriter() {
            @Override
            public void write(DeliveryFailure failure) {
                log.error("{}", DeliveryFailureJson.toJson(failure));
            }

            @Override
            public void close() {}
        };
    }
}
