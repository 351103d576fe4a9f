package co.interakt.capture.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The container's input stream, unchanged for the application, with every byte it returns also
 * recorded in a {@link BodyCache}. Async IO ({@code isReady}, {@code setReadListener}) passes
 * through, so a non-blocking reader reads through this object and is cached the same way.
 * {@code readAllBytes}, {@code readNBytes} and {@code transferTo} come back to {@link #read(byte[], int, int)}.
 *
 * <p><b>An application that closes early.</b> Jackson closes the stream as soon as its JSON value
 * ends, without reading to -1; Tomcat and Undertow then refuse every later read. So
 * {@link #close()} first takes into the cache what the container already holds of the rest
 * (never waiting for the client, never past the cap), then closes the container's stream at the
 * very moment the application asked. The other design, keeping the container's stream open until
 * the chain returned and faking "closed" in this wrapper, was rejected: the container's state
 * would differ for the rest of the request (Tomcat would still parse a form into parameters after
 * the application's close; Undertow's own close, which drains the body, would move), and the
 * wrapper would have to imitate each container's closed behaviour (Jetty's stream still reads
 * after close, Tomcat's throws). Here the container decides, as without us; the bytes taken at
 * close are handed back first if the application reads again and its container allows it
 * ({@link #replaying()}).
 */
final class CachingInputStream extends ServletInputStream {
    private static final int CHUNK = 4096;
    private static final byte[] NOTHING = new byte[0];

    private final ServletInputStream in;
    private final BodyCache cache;
    private final long declaredLength;
    private final boolean drainOnClose;
    private boolean nonBlocking;
    private boolean closed;
    private boolean finishedAtClose;
    /** Bytes taken at close that the application has not had; see {@link #replaying()}. */
    private byte[] unread;
    private int unreadPos;
    private boolean readableAfterClose;

    CachingInputStream(ServletInputStream in, BodyCache cache) {
        this(in, cache, -1, false);
    }

    /**
     * @param declaredLength the request's Content-Length, -1 if none: a body read to it is complete
     * @param drainOnClose   whether {@link #close()} takes what has arrived of the rest: only for a
     *                       body the capture can use (a parsed content type, not over the cap)
     */
    CachingInputStream(ServletInputStream in, BodyCache cache, long declaredLength, boolean drainOnClose) {
        this.in = in;
        this.cache = cache;
        this.declaredLength = declaredLength;
        this.drainOnClose = drainOnClose;
    }

    @Override
    public int read() throws IOException {
        if (replaying()) {
            return unread[unreadPos++] & 0xFF;
        }
        int b;
        try {
            b = in.read();
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
            throw e;
        }
        if (b < 0) {
            cache.end();
        } else {
            cache.append(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len > 0 && replaying()) {
            int n = Math.min(len, unread.length - unreadPos);
            System.arraycopy(unread, unreadPos, b, off, n);
            unreadPos += n;
            return n;
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
            throw e;
        }
        record(b, off, n);
        return n;
    }

    @Override
    public int readLine(byte[] b, int off, int len) throws IOException {
        if (replaying()) {
            return super.readLine(b, off, len); // byte by byte through read(): the replay, then the container
        }
        int n;
        try {
            n = in.readLine(b, off, len);
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
            throw e;
        }
        record(b, off, n);
        return n;
    }

    private void record(byte[] b, int off, int n) {
        if (n < 0) {
            cache.end();
        } else {
            cache.append(b, off, n);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        if (n > 0 && replaying()) {
            int k = (int) Math.min(n, unread.length - unreadPos);
            unreadPos += k;
            return k;
        }
        long skipped = in.skip(n);
        if (skipped > 0) {
            cache.gap();
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        int pending = unread != null && readableAfterClose ? unread.length - unreadPos : 0;
        return pending + in.available();
    }

    /**
     * The application is done with the body: what the container already holds of the rest is taken
     * into the cache (see the class comment), then the container's stream is closed, as asked.
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (drainOnClose && !nonBlocking && !knownComplete()) {
                drainAvailable(true);
            }
            finishedAtClose = cache.endSeen() || finished();
        }
        in.close();
    }

    /**
     * Reads what the container already holds, never waiting for the client: only while
     * {@code available()} says bytes are there, and only up to the cache's cap. Never throws: a
     * failed read is recorded in the cache, which then says why the body is not complete.
     *
     * @param keep whether the application may still read them (at its close), so they are kept for it
     */
    void drainAvailable(boolean keep) {
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        try {
            byte[] chunk = null;
            int available;
            while (!cache.overflowed() && !cache.endSeen() && (available = in.available()) > 0) {
                if (chunk == null) {
                    chunk = new byte[CHUNK];
                }
                // One byte past the room is enough to know the body is over the cap.
                int n = in.read(chunk, 0, Math.min(Math.min(chunk.length, available), cache.room() + 1));
                record(chunk, 0, n);
                if (n > 0 && kept != null) {
                    kept.write(chunk, 0, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
        }
        if (kept != null && kept.size() > 0) {
            unread = kept.toByteArray();
        }
    }

    /**
     * Whether bytes taken at close are to be handed to the application now. Only once it reads again
     * after closing, and only if its container reads after close: a zero-length read asks it, which
     * Tomcat and Undertow refuse with the very exception the application would have had.
     */
    private boolean replaying() throws IOException {
        if (unread == null) {
            return false;
        }
        if (!readableAfterClose) {
            in.read(NOTHING, 0, 0);
            readableAfterClose = true;
        }
        if (unreadPos < unread.length) {
            return true;
        }
        unread = null;
        return false;
    }

    /** All of a body of declared length is in the cache (or past its cap): nothing left to take. */
    private boolean knownComplete() {
        return cache.endSeen() || cache.overflowed() || declaredLength >= 0 && cache.size() >= declaredLength;
    }

    private boolean finished() {
        try {
            return in.isFinished();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the application closed it. */
    boolean closed() {
        return closed;
    }

    /** Whether the container said the body was over when the application closed it. */
    boolean finishedAtClose() {
        return finishedAtClose;
    }

    /** Whether the body is over: its end seen, or the container says so (when still open). */
    boolean finishedNow() {
        return closed ? finishedAtClose : cache.endSeen() || finished();
    }

    /** The application reads without blocking: its reads follow the container's callbacks, never ours. */
    boolean nonBlocking() {
        return nonBlocking;
    }

    @Override
    public synchronized void mark(int readLimit) {
        in.mark(readLimit);
        cache.mark();
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        cache.reset();
    }

    @Override
    public boolean markSupported() {
        return in.markSupported();
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
        nonBlocking = true;
    }
}
