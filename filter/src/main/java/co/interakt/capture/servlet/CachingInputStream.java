package co.interakt.capture.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * The container's input stream, unchanged for the application, with every byte it returns also
 * recorded in a {@link BodyCache}. Async IO ({@code isReady}, {@code setReadListener}) passes
 * through, so a non-blocking reader reads through this object and is cached the same way.
 * {@code readAllBytes}, {@code readNBytes} and {@code transferTo} come back to {@link #read(byte[], int, int)}.
 */
final class CachingInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final BodyCache cache;

    CachingInputStream(ServletInputStream in, BodyCache cache) {
        this.in = in;
        this.cache = cache;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
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
        int n = in.read(b, off, len);
        record(b, off, n);
        return n;
    }

    @Override
    public int readLine(byte[] b, int off, int len) throws IOException {
        int n = in.readLine(b, off, len);
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
        long skipped = in.skip(n);
        if (skipped > 0) {
            cache.gap();
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
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
    }
}
