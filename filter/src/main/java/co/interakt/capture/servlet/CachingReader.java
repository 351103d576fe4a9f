package co.interakt.capture.servlet;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The container's reader, unchanged for the application (same decoding, same charset choice),
 * with every character it returns also recorded, as UTF-8, in a {@link BodyCache}.
 * {@code lines()}, {@code read(CharBuffer)} and {@code transferTo} come back to the methods below.
 *
 * <p>{@link #close()} works as {@link CachingInputStream#close()} does, for the same reasons:
 * what the container already holds of the rest is taken into the cache, then the container's
 * reader is closed at the moment the application asked; the characters taken are handed back
 * first if the application reads again and its container allows it.
 */
final class CachingReader extends BufferedReader {
    private static final int CHUNK = 2048;
    private static final char[] NOTHING = new char[0];

    private final BufferedReader in;
    private final BodyCache cache;
    private final boolean drainOnClose;
    /** {@code readLine} drops the line terminator; one is put back before the next recorded text. */
    private boolean lineEndPending;
    private boolean markLineEndPending;
    private boolean closed;
    /** Characters taken at close that the application has not had. */
    private char[] unread;
    private int unreadPos;
    private boolean readableAfterClose;

    CachingReader(BufferedReader in, BodyCache cache) {
        this(in, cache, false);
    }

    CachingReader(BufferedReader in, BodyCache cache, boolean drainOnClose) {
        super(in, 1); // every method is overridden: the inherited buffer stays unused
        this.in = in;
        this.cache = cache;
        this.drainOnClose = drainOnClose;
    }

    @Override
    public int read() throws IOException {
        if (replaying()) {
            return unread[unreadPos++];
        }
        int c;
        try {
            c = in.read();
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
            throw e;
        }
        if (c < 0) {
            cache.end();
        } else {
            restoreLineEnd();
            cache.appendChar((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len > 0 && replaying()) {
            int n = Math.min(len, unread.length - unreadPos);
            System.arraycopy(unread, unreadPos, cbuf, off, n);
            unreadPos += n;
            return n;
        }
        int n;
        try {
            n = in.read(cbuf, off, len);
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
            throw e;
        }
        record(cbuf, off, n);
        return n;
    }

    private void record(char[] cbuf, int off, int n) {
        if (n < 0) {
            cache.end();
        } else if (n > 0) {
            restoreLineEnd();
            cache.appendChars(cbuf, off, n);
        }
    }

    @Override
    public String readLine() throws IOException {
        if (replaying()) {
            return replayLine();
        }
        String line;
        try {
            line = in.readLine();
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
            throw e;
        }
        if (line == null) {
            cache.end();
        } else {
            restoreLineEnd();
            cache.appendChars(line);
            lineEndPending = true;
        }
        return line;
    }

    /**
     * A line from the characters taken at close, completed by the container's next line when they
     * hold no terminator. (A {@code \r} that ends them and a {@code \n} that starts the
     * container's rest read as two line ends: a reader that closes, then reads lines again, on a
     * container that allows it, at that exact split, is not worth more code.)
     */
    private String replayLine() throws IOException {
        int start = unreadPos;
        for (int i = start; i < unread.length; i++) {
            char c = unread[i];
            if (c == '\n' || c == '\r') {
                unreadPos = c == '\r' && i + 1 < unread.length && unread[i + 1] == '\n' ? i + 2 : i + 1;
                return new String(unread, start, i - start);
            }
        }
        String head = new String(unread, start, unread.length - start);
        unreadPos = unread.length;
        String rest = readLine();
        return rest == null ? head : head + rest;
    }

    /** The terminator {@code readLine} swallowed, written as {@code \n}: only the text matters to extraction. */
    private void restoreLineEnd() {
        if (lineEndPending) {
            lineEndPending = false;
            cache.appendChar('\n');
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
    public boolean ready() throws IOException {
        return replaying() || in.ready();
    }

    @Override
    public boolean markSupported() {
        return in.markSupported();
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        in.mark(readAheadLimit);
        cache.mark();
        markLineEndPending = lineEndPending;
    }

    @Override
    public void reset() throws IOException {
        in.reset();
        cache.reset();
        lineEndPending = markLineEndPending;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (drainOnClose && !cache.endSeen() && !cache.overflowed()) {
                drainReady(true);
            }
        }
        in.close();
    }

    /**
     * Reads what the container already holds, never waiting for the client: only while
     * {@code ready()} says characters are there, and only up to the cache's cap. Never throws: a
     * failed read is recorded in the cache.
     *
     * @param keep whether the application may still read them (at its close), so they are kept for it
     */
    void drainReady(boolean keep) {
        StringBuilder kept = keep ? new StringBuilder() : null;
        try {
            char[] chunk = null;
            while (!cache.overflowed() && !cache.endSeen() && in.ready()) {
                if (chunk == null) {
                    chunk = new char[CHUNK];
                }
                // A character is at least a byte: one past the room is enough to know the body is over the cap.
                int n = in.read(chunk, 0, Math.min(chunk.length, cache.room() + 1));
                record(chunk, 0, n);
                if (n > 0 && kept != null) {
                    kept.append(chunk, 0, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            cache.failed(e);
        }
        if (kept != null && kept.length() > 0) {
            unread = kept.toString().toCharArray();
        }
    }

    /** See {@link CachingInputStream}: a zero-length read lets the container refuse, as it would have. */
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

    /** Whether the application closed it. */
    boolean closed() {
        return closed;
    }
}
