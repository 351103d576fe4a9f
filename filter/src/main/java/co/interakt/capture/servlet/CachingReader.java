package co.interakt.capture.servlet;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The container's reader, unchanged for the application (same decoding, same charset choice),
 * with every character it returns also recorded, as UTF-8, in a {@link BodyCache}.
 * {@code lines()}, {@code read(CharBuffer)} and {@code transferTo} come back to the methods below.
 */
final class CachingReader extends BufferedReader {
    private final BufferedReader in;
    private final BodyCache cache;
    /** {@code readLine} drops the line terminator; one is put back before the next recorded text. */
    private boolean lineEndPending;
    private boolean markLineEndPending;

    CachingReader(BufferedReader in, BodyCache cache) {
        super(in, 1); // every method is overridden: the inherited buffer stays unused
        this.in = in;
        this.cache = cache;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
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
        int n = in.read(cbuf, off, len);
        if (n < 0) {
            cache.end();
        } else if (n > 0) {
            restoreLineEnd();
            cache.appendChars(cbuf, off, n);
        }
        return n;
    }

    @Override
    public String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            cache.end();
        } else {
            restoreLineEnd();
            cache.appendChars(line);
            lineEndPending = true;
        }
        return line;
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
        long skipped = in.skip(n);
        if (skipped > 0) {
            cache.gap();
        }
        return skipped;
    }

    @Override
    public boolean ready() throws IOException {
        return in.ready();
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
        in.close();
    }
}
