package org.ahibridge.emulator.sqs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns ElasticMQ's and Pekko's own loggers down to WARN when the application has not set them.
 * Outside Spring Boot (the CLI commands) logback runs with its DEBUG default, and ElasticMQ logs every
 * queue operation at DEBUG/INFO. A level configured explicitly (e.g. {@code logging.level.org.elasticmq})
 * is left alone.
 */
final class QuietLogging {

    private static final String[] NOISY = {"org.elasticmq", "org.apache.pekko"};

    private QuietLogging() {
    }

    static void apply() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        for (String name : NOISY) {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
