package io.trailwatch.alert.sink;

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
 * Collects the log lines written while it is attached, to check what leaves in logs: everything
 * Trailwatch logs, and INFO and above of the libraries (the test classpath otherwise turns logging
 * off).
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerContext context;
    private final Level rootLevel;
    private final Level trailwatchLevel;

    public LogCapture() {
        context = (LoggerContext) LogManager.getContext(false);
        appender =
                new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        lines.add(
                                event.getLevel()
                                        + " "
                                        + event.getLoggerName()
                                        + " "
                                        + event.getMessage().getFormattedMessage()
                                        + (event.getThrown() == null
                                                ? ""
                                                : " " + event.getThrown()));
                    }
                };
        appender.start();
        rootLevel = context.getRootLogger().getLevel();
        trailwatchLevel = context.getLogger("io.trailwatch").getLevel();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setRootLevel(Level.INFO);
        Configurator.setLevel("io.trailwatch", Level.ALL);
        context.updateLoggers();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender("capture");
        Configurator.setLevel("io.trailwatch", trailwatchLevel);
        Configurator.setRootLevel(rootLevel);
        context.updateLoggers();
        appender.stop();
    }
}
