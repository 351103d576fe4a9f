package co.interakt.capture.filter.harness;

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
 * Records every log line of this JVM while open: our classes (System.Logger, so JUL) at every
 * level, the containers at the levels they are configured for (Tomcat logs through JUL, Jetty
 * through slf4j, bound to JUL on the test class path). Each line is the formatted message with its
 * stack trace, so a test can look for an exception or a leaked value in what an operator would see.
 */
public final class LogRecorder extends Handler implements AutoCloseable {
    // Strong references: JUL holds loggers weakly, and a collected logger forgets its level.
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("co.interakt");
    private final Level previousLevel = ours.getLevel();
    private final boolean previousUseParent = ours.getUseParentHandlers();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();
    private final List<String> exceptions = new ArrayList<>();

    public LogRecorder() {
        setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        // Ours at every level would flood the console: recorded here only (printed on failure).
        ours.setUseParentHandlers(false);
        ours.addHandler(this);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ").append(formatter.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
            exceptions.add(line.toString());
        }
        lines.add(line.toString());
    }

    /** Every line so far, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The whole log as one text. */
    public String text() {
        return String.join("\n", lines());
    }

    /** The prefix of the capture's own report of skipped signups: expected wherever a signup is skipped. */
    public static final String SKIP_REPORT = Level.WARNING + " co.interakt.capture: Interakt capture: ";

    /**
     * Lines that show something went wrong: a stack trace, a WARNING or SEVERE line, or our own
     * "capture failed". A clean run has none. The capture's reports of skipped signups
     * ({@link #skipReports()}) are what it is meant to say, not problems.
     */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>(exceptions);
        for (String line : lines) {
            boolean serious = (line.startsWith(Level.WARNING + " ") && !line.startsWith(SKIP_REPORT)) || line.startsWith(Level.SEVERE + " ");
            if ((serious || line.contains("capture failed")) && !out.contains(line)) {
                out.add(line);
            }
        }
        return out;
    }

    /** The capture's WARNING lines about skipped signups. */
    public List<String> skipReports() {
        return lines().stream().filter(l -> l.startsWith(SKIP_REPORT)).toList();
    }

    /** Lines containing {@code fragment}. */
    public List<String> linesWith(String fragment) {
        return lines().stream().filter(l -> l.contains(fragment)).toList();
    }

    public synchronized void clear() {
        lines.clear();
        exceptions.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        ours.removeHandler(this);
        ours.setUseParentHandlers(previousUseParent);
        ours.setLevel(previousLevel);
    }
}
