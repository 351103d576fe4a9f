package co.interakt.capture.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.extract.SkipReasons;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An application that closes the body before its end (Jackson's {@code AUTO_CLOSE_SOURCE}), on a
 * container that refuses reads after close (Tomcat, Undertow) and on one that allows them (Jetty);
 * and a client that has not sent everything yet: the capture takes only what has arrived.
 */
class EarlyCloseTest {
    private static final byte[] BODY = "{\"email\":\"ana@example.com\",\"name\":\"Ana\"}\n\n".getBytes(StandardCharsets.UTF_8);
    private static final int JSON_END = BODY.length - 2;

    @Test
    void aStreamClosedAtTheEndOfItsJsonValueIsTakenToItsEndThenClosed() throws IOException {
        ContainerStream container = new ContainerStream(BODY, BODY.length, true);
        BodyCache cache = new BodyCache(1000);
        CachingInputStream in = new CachingInputStream(container, cache, BODY.length, true);

        assertEquals(JSON_END, in.readNBytes(JSON_END).length);
        in.close();

        assertTrue(container.closed, "the application's close reaches the container");
        assertArrayEquals(BODY, cache.toByteArray());
        assertTrue(in.finishedAtClose());
        IOException refused = assertThrows(IOException.class, in::read);
        assertEquals("Stream closed", refused.getMessage(), "the container's own answer after close");
    }

    @Test
    void closingNeverWaitsForBytesThatHaveNotArrived() throws IOException {
        int arrived = 10;
        ContainerStream container = new ContainerStream(BODY, arrived, true);
        BodyCache cache = new BodyCache(1000);
        CachingInputStream in = new CachingInputStream(container, cache, BODY.length, true);

        in.read(new byte[4]);
        in.close(); // ContainerStream fails the test if asked for a byte that has not arrived

        assertEquals(arrived, cache.size());
        assertFalse(in.finishedAtClose());
        assertTrue(container.closed);
    }

    @Test
    void closingTakesNothingPastTheCap() throws IOException {
        ContainerStream container = new ContainerStream(BODY, BODY.length, true);
        BodyCache cache = new BodyCache(20);
        CachingInputStream in = new CachingInputStream(container, cache, BODY.length, true);

        in.read(new byte[4]);
        in.close();

        assertTrue(cache.overflowed());
        assertTrue(container.position < BODY.length, "stopped once past the cap");
    }

    @Test
    void closingTakesNothingForABodyTheCaptureCannotUse() throws IOException {
        ContainerStream container = new ContainerStream(BODY, BODY.length, true);
        BodyCache cache = new BodyCache(1000);
        CachingInputStream in = new CachingInputStream(container, cache, BODY.length, false);

        in.read(new byte[4]);
        in.close();

        assertEquals(4, container.position);
        assertTrue(container.closed);
    }

    @Test
    void whereTheContainerReadsAfterCloseTheApplicationStillGetsEveryByteInOrder() throws IOException {
        ContainerStream container = new ContainerStream(BODY, BODY.length, false); // Jetty: close() is a no-op
        CachingInputStream in = new CachingInputStream(container, new BodyCache(1000), BODY.length, true);

        byte[] head = in.readNBytes(JSON_END);
        in.close();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head);
        all.write(in.read());
        all.writeBytes(in.readAllBytes());

        assertArrayEquals(BODY, all.toByteArray());
        assertEquals(-1, in.read());
    }

    @Test
    void aClientThatWentAwayIsClientAbortedAndOtherFailuresUnreadable() throws IOException {
        ContainerStream aborted = new ContainerStream(BODY, BODY.length, true);
        aborted.failure = new IOException("wrapper", new EOFException("Unexpected EOF"));
        BodyCache cache = new BodyCache(1000);
        CachingInputStream in = new CachingInputStream(aborted, cache, BODY.length, true);
        assertThrows(IOException.class, in::read);
        assertEquals(SkipReasons.CLIENT_ABORTED, cache.readFailure());

        ContainerStream broken = new ContainerStream(BODY, BODY.length, true);
        broken.failure = new IOException("refused");
        BodyCache other = new BodyCache(1000);
        CachingInputStream in2 = new CachingInputStream(broken, other, BODY.length, true);
        in2.close(); // the failure is recorded, not thrown into the application's close
        assertEquals(SkipReasons.BODY_UNREADABLE, other.readFailure());
        assertTrue(broken.closed);
    }

    @Test
    void aReaderClosedEarlyIsTakenToItsEndThenClosed() throws IOException {
        String text = new String(BODY, StandardCharsets.UTF_8);
        ContainerReader container = new ContainerReader(text, text.length(), true);
        BodyCache cache = new BodyCache(1000);
        CachingReader reader = new CachingReader(container, cache, true);

        char[] json = new char[JSON_END];
        assertEquals(JSON_END, reader.read(json));
        reader.close();

        assertTrue(container.closed);
        assertEquals(text, new String(cache.toByteArray(), StandardCharsets.UTF_8));
        assertEquals("Stream closed", assertThrows(IOException.class, reader::read).getMessage());
    }

    @Test
    void aReaderNeverWaitsAndReplaysWhereTheContainerAllowsIt() throws IOException {
        String text = "{\"email\":\"ana@example.com\"}\r\nnext line\nlast";
        ContainerReader container = new ContainerReader(text, 30, false);
        BodyCache cache = new BodyCache(1000);
        CachingReader reader = new CachingReader(container, cache, true);

        assertEquals("{\"email\":\"ana@example.com\"}", reader.readLine());
        reader.close();
        assertEquals(30, container.position, "all that had arrived, nothing more");
        assertEquals("{\"email\":\"ana@example.com\"}\nn", new String(cache.toByteArray(), StandardCharsets.UTF_8));

        container.arrived = text.length(); // the rest arrives; the application reads on after its close
        assertEquals("next line", reader.readLine());
        assertEquals("last", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void theRequestSaysWhyItsBodyIsNotComplete() {
        FakeHttp http = new FakeHttp();
        http.contentType = "application/json";
        http.body = BODY;
        BodyCachingRequest request = new BodyCachingRequest(http.request(), 1000);
        assertEquals(SkipReasons.BODY_NOT_READ, request.bodySkipReason(), "nothing read yet");

        http.contentType = "text/plain";
        BodyCachingRequest plain = new BodyCachingRequest(http.request(), 1000);
        plain.readRemainder();
        assertFalse(http.calls.contains("getInputStream"), "a type that is not parsed is never read");
        assertEquals(SkipReasons.UNSUPPORTED_CONTENT_TYPE, plain.bodySkipReason());

        http.contentType = "application/json";
        BodyCachingRequest large = new BodyCachingRequest(http.request(), 10);
        large.readRemainder();
        assertFalse(http.calls.contains("getInputStream"), "a body declared over the cap is never read");
        assertEquals(SkipReasons.BODY_TOO_LARGE, large.bodySkipReason());
    }

    @Test
    void theContainersExceptionCarriesNoFrameOfOurs() {
        IllegalStateException thrown = new IllegalStateException("bad %zz", new IllegalArgumentException("inner"));
        StackTraceElement app = new StackTraceElement("com.example.SignupServlet", "doPost", "SignupServlet.java", 12);
        StackTraceElement container = new StackTraceElement("org.apache.catalina.connector.Request", "getParameter", "Request.java", 1);
        StackTraceElement wrapper = new StackTraceElement(jakarta.servlet.ServletRequestWrapper.class.getName(), "getParameter", null, 2);
        StackTraceElement ours = new StackTraceElement(BodyCachingRequest.class.getName(), "getParameter", null, 3);
        StackTraceElement appsWrapper = new StackTraceElement(jakarta.servlet.ServletRequestWrapper.class.getName(), "getParameter", null, 9);
        thrown.setStackTrace(new StackTraceElement[] {container, wrapper, ours, appsWrapper, app});
        thrown.getCause().setStackTrace(new StackTraceElement[] {container, wrapper, ours, app});

        assertSame(thrown, OwnFrames.removedFrom(thrown));
        assertEquals(Arrays.asList(container, appsWrapper, app), Arrays.asList(thrown.getStackTrace()), "the application's own wrapper stays");
        assertEquals(Arrays.asList(container, app), Arrays.asList(thrown.getCause().getStackTrace()));
    }

    /**
     * A container's stream of which only {@code arrived} bytes have come in: asking for more would
     * block on the client, which fails the test. After close it throws as Tomcat does, or reads on as Jetty does.
     */
    static final class ContainerStream extends ServletInputStream {
        private final byte[] body;
        private final int arrived;
        private final boolean refusesAfterClose;
        int position;
        boolean closed;
        IOException failure;

        ContainerStream(byte[] body, int arrived, boolean refusesAfterClose) {
            this.body = body;
            this.arrived = arrived;
            this.refusesAfterClose = refusesAfterClose;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed && refusesAfterClose) {
                throw new IOException("Stream closed");
            }
            if (failure != null) {
                throw failure;
            }
            if (len == 0) {
                return 0;
            }
            if (position == body.length) {
                return -1;
            }
            if (position >= arrived) {
                throw new AssertionError("a read that would wait for the client");
            }
            int n = Math.min(len, arrived - position);
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return closed && refusesAfterClose ? 0 : Math.max(0, arrived - position);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isFinished() {
            return position == body.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
        }
    }

    /** The same for a container's reader. */
    static final class ContainerReader extends BufferedReader {
        private final String text;
        private final boolean refusesAfterClose;
        int arrived;
        int position;
        boolean closed;

        ContainerReader(String text, int arrived, boolean refusesAfterClose) {
            super(Reader.nullReader());
            this.text = text;
            this.arrived = arrived;
            this.refusesAfterClose = refusesAfterClose;
        }

        private void check() throws IOException {
            if (closed && refusesAfterClose) {
                throw new IOException("Stream closed");
            }
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            check();
            if (len == 0) {
                return 0;
            }
            if (position == text.length()) {
                return -1;
            }
            if (position >= arrived) {
                throw new AssertionError("a read that would wait for the client");
            }
            int n = Math.min(len, arrived - position);
            text.getChars(position, position + n, cbuf, off);
            position += n;
            return n;
        }

        @Override
        public String readLine() throws IOException {
            check();
            if (position == text.length()) {
                return null;
            }
            int end = text.indexOf('\n', position);
            String line = text.substring(position, end < 0 ? text.length() : end);
            if (position + line.length() > arrived) {
                throw new AssertionError("a read that would wait for the client");
            }
            position = end < 0 ? text.length() : end + 1;
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }

        @Override
        public boolean ready() throws IOException {
            check();
            return position < arrived;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
