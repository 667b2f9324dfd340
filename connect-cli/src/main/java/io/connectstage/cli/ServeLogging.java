package io.connectstage.cli;

import java.util.List;
import java.util.Locale;

/**
 * The log of {@code serve} (the other commands log nothing): the runnable jar's SLF4J binding (slf4j-simple) configured from the
 * options, to standard error, so that standard output keeps its one {@code listening on} line.
 * It is configured by system properties, which must be set before the first logger is made (the
 * binding reads them once): {@code serve} sets them before it opens anything. A property given
 * with {@code -D} (for example in {@code JAVA_OPTS}) wins over the options' defaults.
 */
final class ServeLogging {
    static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace", "off");
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private ServeLogging() {
    }

    /** The level as slf4j-simple names it; {@code IllegalArgumentException} for another word. */
    static String level(String option) {
        String level = option.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("--log-level is one of " + String.join(", ", LEVELS) + ", not '"
                    + Sanitize.line(option) + "'");
        }
        return level;
    }

    /**
     * @param level {@code null} when not given: warnings and errors, unless {@code -D} says otherwise
     * @param accessLog whether the access log's lines (INFO) are written whatever the level
     */
    static void configure(String level, boolean accessLog) {
        if (level != null) {
            System.setProperty(PREFIX + "defaultLogLevel", level);
        } else {
            setIfAbsent("defaultLogLevel", "warn");
        }
        if (accessLog) {
            setIfAbsent("log.io.connectstage.access", "info");
        }
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("logFile", "System.err");
    }

    /** No log line (unless {@code -D} asks for some): for the commands other than {@code serve}. */
    static void silence() {
        setIfAbsent("defaultLogLevel", "off");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(PREFIX + name) == null) {
            System.setProperty(PREFIX + name, value);
        }
    }
}
