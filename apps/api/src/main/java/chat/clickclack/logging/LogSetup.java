package chat.clickclack.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Marker;

/**
 * The server's logging, configured in code (found by logback through {@code META-INF/services}): logs go to
 * stderr, because stdout belongs to command output that scripts capture (tokens, ids); ClickClack at INFO,
 * libraries at WARN.
 *
 * <p>Why not {@code logback.xml}: parsing it (Joran, its XML and its reflection) was a fifth of the server's
 * start-up CPU. A {@code logback-test.xml} on the class path or {@code -Dlogback.configurationFile} still
 * wins, for tests and for operators who want their own.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /**
     * Drops Javalin's "Failed to start Javalin" error: the exception it precedes reaches {@code serve}, which
     * reports it as its one {@code error:} line (a port in use was otherwise printed twice).
     */
    static final class ReportedByTheCli extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            return "Failed to start Javalin".equals(format) && logger.getName().startsWith("io.javalin")
                    ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }

    private static final Map<String, Level> LEVELS = Map.of(
            "chat.clickclack", Level.INFO,
            "clickclack.access", Level.INFO, // written only when access_log is errors or all
            "org.flywaydb", Level.WARN,
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        var stderr = new ConsoleAppender<ILoggingEvent>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.addTurboFilter(new ReportedByTheCli());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
