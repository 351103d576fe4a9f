package co.interakt.capture.servlet;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one request body, recorded as the application reads them, up to a cap. Past the
 * cap recording stops and the body is marked incomplete; the reader is never slowed or refused.
 *
 * <p>Characters read through a {@code Reader} are recorded as UTF-8: that keeps exactly what the
 * application saw after the container decoded it, whatever charset the container chose.
 * Not thread-safe: one request is read by one thread at a time.
 */
final class BodyCache {
    /** How characters read through a {@code Reader} are recorded. */
    static final Charset CHARS_ENCODING = StandardCharsets.UTF_8;

    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_CHUNK = 512;
    // A signup form is a few KiB; a declared length is the client's word, so it may not reserve more
    // than this per request before the bytes are there (slow clients hold their requests open).
    private static final int MAX_FIRST_CHUNK = 8 * 1024;
    private static final byte REPLACEMENT = '?';

    private final int cap;
    private final int firstChunk;
    private byte[] buf = EMPTY;
    private int size;
    private boolean overflowed;
    private boolean gap;
    private boolean endSeen;
    private String readFailure;
    private char pendingHigh;

    private int markSize = -1;
    private boolean markOverflowed;
    private char markPendingHigh;

    BodyCache(int cap) {
        this(cap, -1);
    }

    /**
     * {@code declaredLength} (the Content-Length, -1 if unknown) sizes the first buffer once bytes
     * arrive, so a body of known length is copied in once instead of through doubling buffers.
     * It is only a hint: never past the cap or {@value #MAX_FIRST_CHUNK}, and a body that turns out
     * longer still grows by doubling.
     */
    BodyCache(int cap, long declaredLength) {
        this.cap = Math.max(0, cap);
        this.firstChunk = declaredLength > 0 ? (int) Math.min(declaredLength, MAX_FIRST_CHUNK) : FIRST_CHUNK;
    }

    void append(int b) {
        if (ensureRoom(1)) {
            buf[size++] = (byte) b;
        }
    }

    void append(byte[] b, int off, int len) {
        if (len <= 0 || overflowed) {
            return;
        }
        int room = cap - size;
        int n = Math.min(len, room);
        if (n > 0) {
            grow(size + n);
            System.arraycopy(b, off, buf, size, n);
            size += n;
        }
        if (n < len) {
            overflowed = true;
        }
    }

    void appendChar(char c) {
        if (overflowed) {
            return;
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                appendCodePoint(Character.toCodePoint(high, c));
                return;
            }
            append(REPLACEMENT); // an unpaired surrogate, encoded the way String.getBytes does
        }
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c; // its low half may come with the next read
        } else if (Character.isLowSurrogate(c)) {
            append(REPLACEMENT);
        } else {
            appendCodePoint(c);
        }
    }

    void appendChars(char[] c, int off, int len) {
        for (int i = off; i < off + len && !overflowed; i++) {
            appendChar(c[i]);
        }
    }

    void appendChars(CharSequence s) {
        for (int i = 0; i < s.length() && !overflowed; i++) {
            appendChar(s.charAt(i));
        }
    }

    private void appendCodePoint(int cp) {
        if (cp < 0x80) {
            append(cp);
        } else if (cp < 0x800) {
            if (ensureRoom(2)) {
                buf[size++] = (byte) (0xC0 | cp >> 6);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
            }
        } else if (cp < 0x10000) {
            if (ensureRoom(3)) {
                buf[size++] = (byte) (0xE0 | cp >> 12);
                buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
            }
        } else if (ensureRoom(4)) {
            buf[size++] = (byte) (0xF0 | cp >> 18);
            buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[size++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    /** Room for {@code n} more bytes, all or nothing, so a multi-byte character is never cut. */
    private boolean ensureRoom(int n) {
        if (overflowed) {
            return false;
        }
        if (size + n > cap) {
            overflowed = true;
            return false;
        }
        grow(size + n);
        return true;
    }

    /** Grows by doubling, never past the cap: memory follows what was actually read. */
    private void grow(int needed) {
        if (needed > buf.length) {
            long next = buf.length == 0 ? firstChunk : 2L * buf.length;
            buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(next, needed)));
        }
    }

    /** The reader reached the end of the body. */
    void end() {
        endSeen = true;
    }

    /** The reader skipped bytes or characters we never saw: what is cached has a hole. */
    void gap() {
        gap = true;
    }

    /** Reading the body failed: what is cached stops short, for the reason {@link ReadFailures} gives. */
    void failed(Throwable t) {
        if (readFailure == null) {
            readFailure = ReadFailures.reasonFor(t);
        }
    }

    void mark() {
        markSize = size;
        markOverflowed = overflowed;
        markPendingHigh = pendingHigh;
    }

    /** The stream went back to its mark: what was cached since will be read (and cached) again. */
    void reset() {
        if (markSize >= 0) {
            size = markSize;
            overflowed = markOverflowed;
            pendingHigh = markPendingHigh;
            endSeen = false;
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    boolean endSeen() {
        return endSeen;
    }

    boolean hasGap() {
        return gap;
    }

    /** The skip reason of a failed read ({@code client-aborted} or {@code body-unreadable}), or {@code null}. */
    String readFailure() {
        return readFailure;
    }

    int size() {
        return size;
    }

    /** How many more bytes fit under the cap. */
    int room() {
        return overflowed ? 0 : cap - size;
    }

    /** The cached bytes (valid up to {@link #size()}); the array itself, not a copy. */
    byte[] bytes() {
        return buf;
    }

    /** A copy of the cached bytes, for tests and diagnostics. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    @Override
    public String toString() {
        return "BodyCache[" + size + "/" + cap + " bytes" + (overflowed ? ", overflowed" : "")
                + (gap ? ", gap" : "") + (endSeen ? ", end" : "") + (readFailure != null ? ", " + readFailure : "") + "]";
    }
}
