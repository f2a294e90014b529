package io.trailwatch.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * The application log as Managed Service for Apache Flink writes it to CloudWatch Logs: each log4j
 * event one JSON object, with the logger's name as {@code logger}, the level as {@code messageType}
 * and the formatted message as {@code message}. Collects what Trailwatch's loggers write on the
 * opening thread while it is open, at every level, so that a test can also see which lines the
 * application's log level keeps out of CloudWatch.
 */
final class ManagedFlinkLog implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String APPENDER = "managed-flink-log";

    /** One event: its level, and the JSON log event CloudWatch Logs receives for it. */
    record Event(Level level, String json) {
        /** Whether the service ships it at the application's {@code LogLevel}. */
        boolean shippedAt(String logLevel) {
            return level.isMoreSpecificThan(Level.toLevel(logLevel, Level.OFF));
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerContext context;
    private final Level trailwatchLevel;

    ManagedFlinkLog() {
        long thread = Thread.currentThread().getId();
        context = (LoggerContext) LogManager.getContext(false);
        appender =
                new AbstractAppender(APPENDER, null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        if (event.getThreadId() == thread) {
                            events.add(new Event(event.getLevel(), json(event)));
                        }
                    }
                };
        appender.start();
        trailwatchLevel = context.getLogger("io.trailwatch").getLevel();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setLevel("io.trailwatch", Level.ALL);
        context.updateLoggers();
    }

    private static String json(LogEvent event) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("locationInformation", event.getLoggerName());
        n.put("logger", event.getLoggerName());
        n.put("message", event.getMessage().getFormattedMessage());
        n.put("threadName", event.getThreadName());
        n.put("applicationARN", "arn:aws:kinesisanalytics:eu-west-1:111122223333:application/tw");
        n.put("applicationVersionId", "1");
        n.put("messageSchemaVersion", "1");
        n.put("messageType", event.getLevel().name());
        return n.toString();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(APPENDER);
        Configurator.setLevel("io.trailwatch", trailwatchLevel);
        context.updateLoggers();
        appender.stop();
    }
}
