package co.interakt.capture.benchmarks.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body held in memory, read as a container's blocking input stream. */
final class BytesInputStream extends ServletInputStream {
    private final byte[] bytes;
    private int position;

    BytesInputStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= bytes.length) {
            return -1;
        }
        int n = Math.min(len, bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return bytes.length - position;
    }

    @Override
    public boolean isFinished() {
        return position >= bytes.length;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        throw new UnsupportedOperationException("blocking I/O only");
    }
}
