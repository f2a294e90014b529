package io.trailwatch.alert.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each record as one WARN line of a named logger: on Managed Service for Apache Flink the
 * application log (CloudWatch Logs), where a metric filter or subscription can pick it up. WARN, so
 * that it shows at the service's default WARN log level.
 */
public class LogSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String loggerName;
    private final LineSink.Formatter<T> formatter;

    public LogSink(String loggerName, LineSink.Formatter<T> formatter) {
        this.loggerName = loggerName;
        this.formatter = formatter;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<T> createWriter(InitContext context) {
        Logger log = LoggerFactory.getLogger(loggerName);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                log.warn("{}", formatter.format(element));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
