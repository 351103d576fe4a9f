package co.interakt.capture.delivery;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every record of the {@code co.interakt} loggers at every level, through JUL (where
 * System.Logger goes by default), with parameters substituted and stack traces included.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("co.interakt"); // strong reference: JUL holds loggers weakly
    private final Level previousLevel = root.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** Each record as one text: level, logger, formatted message, and the stack trace if any. */
    synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            StringBuilder line = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + " " + formatter.formatMessage(r));
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Lines at {@code level} containing {@code fragment}. */
    List<String> lines(Level level, String fragment) {
        return lines().stream().filter(l -> l.startsWith(level + " ") && l.contains(fragment)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
