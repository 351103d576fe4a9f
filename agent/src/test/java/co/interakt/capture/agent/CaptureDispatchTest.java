package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A failure of the capture never reaches the application, and its log line never holds the exception's message. */
class CaptureDispatchTest {

    @Test
    void aFailingCaptureLogsItsTypeAndWhereNeverTheMessage() {
        Logger logger = Logger.getLogger(CaptureDispatch.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            ServletHook.ActiveCapture failing = new ServletHook.ActiveCapture() {
                @Override
                public Object request() {
                    return null;
                }

                @Override
                public void end(Throwable thrown) {
                    throw new IllegalStateException("jane@example.com");
                }
            };
            new CaptureDispatch(null).end(failing, null);
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertEquals(1, records.size());
        String line = records.get(0).getMessage();
        assertTrue(line.contains("Interakt capture failed at end"), line);
        assertTrue(line.contains(IllegalStateException.class.getName() + " at "), line);
        assertFalse(line.contains("jane@example.com"), line);
        assertNull(records.get(0).getThrown());
    }
}
