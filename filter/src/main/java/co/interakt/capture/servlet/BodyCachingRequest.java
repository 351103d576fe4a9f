package co.interakt.capture.servlet;

import co.interakt.capture.extract.ContentType;
import co.interakt.capture.extract.SkipReasons;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;

/**
 * What the application gets instead of the container's request on a matching request: identical
 * behaviour, but the body bytes it reads through {@link #getInputStream()} or {@link #getReader()}
 * are recorded (up to the cap) as they go by. Nothing is read ahead of the application.
 * {@code getParameter*} and {@code getPart*} go to the container unchanged; we note that they were
 * called (then the container, not the application, consumed the body), record the text parts of a
 * multipart form when the application first asks for them ({@link TextParts}), and take our own
 * frames out of whatever the container throws ({@link OwnFrames}).
 */
final class BodyCachingRequest extends HttpServletRequestWrapper {
    private final BodyCache cache;
    private final int cap;
    private final long declaredLength;
    /** A body the capture can use: of a parsed content type and not declared over the cap. */
    private final boolean usableBody;
    private CachingInputStream stream;
    private CachingReader reader;
    private boolean parametersRequested;
    private boolean partsRequested;
    private TextParts textParts;

    BodyCachingRequest(HttpServletRequest request, int maxBodyBytes) {
        super(request);
        this.cap = Math.max(0, maxBodyBytes);
        this.declaredLength = request.getContentLengthLong();
        this.cache = new BodyCache(maxBodyBytes, declaredLength);
        this.usableBody = declaredLength <= cap && ContentType.isParsed(contentTypeHeader());
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new CachingInputStream(super.getInputStream(), cache, declaredLength, usableBody);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new CachingReader(super.getReader(), cache, usableBody);
        }
        return reader;
    }

    @Override
    public String getParameter(String name) {
        parametersRequested = true;
        try {
            return super.getParameter(name);
        } catch (RuntimeException e) {
            throw OwnFrames.removedFrom(e);
        }
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        parametersRequested = true;
        try {
            return super.getParameterMap();
        } catch (RuntimeException e) {
            throw OwnFrames.removedFrom(e);
        }
    }

    @Override
    public Enumeration<String> getParameterNames() {
        parametersRequested = true;
        try {
            return super.getParameterNames();
        } catch (RuntimeException e) {
            throw OwnFrames.removedFrom(e);
        }
    }

    @Override
    public String[] getParameterValues(String name) {
        parametersRequested = true;
        try {
            return super.getParameterValues(name);
        } catch (RuntimeException e) {
            throw OwnFrames.removedFrom(e);
        }
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        partsRequested = true;
        Collection<Part> parts;
        try {
            parts = super.getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            OwnFrames.removedFrom(e);
            throw e;
        }
        recordTextParts(parts);
        return parts;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        partsRequested = true;
        Part part;
        try {
            part = super.getPart(name);
        } catch (IOException | ServletException | RuntimeException e) {
            OwnFrames.removedFrom(e);
            throw e;
        }
        if (textParts == null) {
            try {
                recordTextParts(super.getParts()); // parsed already: getPart parses the whole form
            } catch (IOException | ServletException | RuntimeException e) {
                textParts = TextParts.UNAVAILABLE;
            }
        }
        return part;
    }

    /** Once, on the application's first successful call: later the framework may have deleted them. */
    private void recordTextParts(Collection<Part> parts) {
        if (textParts == null) {
            textParts = TextParts.read(parts, characterEncoding(), cap);
        }
    }

    /**
     * After the application answered, on the request thread: takes, through the same caching stream
     * or reader, what the container already holds of what the application left unread, up to the
     * cap. Never waits for the client (issue: a response held back until a slow client sent a body
     * nobody reads), and reads nothing at all when the body is of a type that is not parsed,
     * declared over the cap, consumed by the container for {@code getParameter*}/{@code getPart*},
     * closed by the application (done at its close), or awaited by a client expecting
     * {@code 100 Continue}. Never throws: a failed read is recorded in the cache.
     */
    void readRemainder() {
        if (!usableBody || cache.overflowed() || cache.endSeen() || containerConsumedBody()) {
            return;
        }
        if (reader != null) {
            if (!reader.closed()) {
                reader.drainReady(false);
            }
            return;
        }
        if (stream == null) {
            if (!hasBody() || expectsContinue()) {
                return;
            }
            try {
                getInputStream();
            } catch (IOException | RuntimeException e) {
                cache.failed(e);
                return;
            }
        }
        if (!stream.closed() && !stream.nonBlocking() && !(declaredLength >= 0 && cache.size() >= declaredLength)) {
            stream.drainAvailable(false);
        }
    }

    private boolean containerConsumedBody() {
        return partsRequested || parametersRequested && ContentType.isForm(contentTypeHeader());
    }

    private boolean expectsContinue() {
        String expect = getHeader("Expect");
        return expect != null && expect.regionMatches(true, 0, "100-continue", 0, 12);
    }

    /** Whether the request carries a body at all: a length over zero, chunks, or bytes read. */
    private boolean hasBody() {
        return declaredLength > 0 || declaredLength < 0 && getHeader("Transfer-Encoding") != null || cache.size() > 0;
    }

    /**
     * {@code null} when the cached body is all of it: read to its end, to its declared length, or
     * the container says it is finished, with no skip, no overflow, no failure. Otherwise why not,
     * most fundamental first: a type that is not parsed, too large, the read failed, or not read.
     */
    String bodySkipReason() {
        if (hasBody() && !ContentType.isParsed(contentTypeHeader())) {
            return SkipReasons.UNSUPPORTED_CONTENT_TYPE;
        }
        if (cache.overflowed() || declaredLength > cap) {
            return SkipReasons.BODY_TOO_LARGE;
        }
        if (cache.readFailure() != null) {
            return cache.readFailure();
        }
        if (cache.hasGap()) {
            return SkipReasons.BODY_NOT_READ;
        }
        if (cache.endSeen() || !hasBody()) {
            return null;
        }
        if (reader != null ? charsFillDeclaredLength()
                : declaredLength >= 0 && declaredLength == cache.size() || stream != null && stream.finishedNow()) {
            return null;
        }
        // The end was not seen (a chunked body's last chunk not yet arrived when the application
        // closed it, say): a JSON body holding a whole value is all the application saw.
        return ContentType.isJson(contentTypeHeader()) && JsonValues.startsWithCompleteValue(cache.bytes(), cache.size())
                ? null : SkipReasons.BODY_NOT_READ;
    }

    /**
     * Whether the characters read are all of a body of declared length: its bytes are known only as
     * the container decoded them, so they are counted back in the charset it decoded with (when the
     * request names none: ISO-8859-1, the Servlet default, or UTF-8, which some containers assume
     * for JSON; a wrong guess can only fail to match, and the body then counts as not read).
     */
    private boolean charsFillDeclaredLength() {
        if (declaredLength < 0) {
            return false;
        }
        String named = characterEncoding();
        if (named == null) {
            return cache.size() == declaredLength || charCount() == declaredLength;
        }
        try {
            Charset charset = Charset.forName(named);
            if (charset.equals(StandardCharsets.UTF_8)) {
                return cache.size() == declaredLength;
            }
            String text = new String(cache.bytes(), 0, cache.size(), BodyCache.CHARS_ENCODING);
            return text.getBytes(charset).length == declaredLength;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How many characters the cached UTF-8 holds: a single-byte charset's byte count. */
    private long charCount() {
        byte[] bytes = cache.bytes();
        long chars = 0;
        for (int i = 0; i < cache.size(); i++) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1; // a supplementary code point is two chars
            }
        }
        return chars;
    }

    private String characterEncoding() {
        try {
            return getCharacterEncoding();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The request's content type. Jetty's {@code getContentType} throws for a charset the JVM does
     * not know; the header as sent is then used, and the engine skips it as an unsupported charset.
     */
    String contentTypeHeader() {
        try {
            return getContentType();
        } catch (IllegalArgumentException unknownCharset) {
            return getHeader("Content-Type");
        }
    }

    /** The charset of {@link #cache()}: UTF-8 when read as characters, else the request's own. */
    String cachedEncoding() {
        return reader != null ? BodyCache.CHARS_ENCODING.name() : getCharacterEncoding();
    }

    BodyCache cache() {
        return cache;
    }

    boolean parametersRequested() {
        return parametersRequested;
    }

    boolean partsRequested() {
        return partsRequested;
    }

    /** The text parts recorded when the application first asked for the parts, or {@code null}. */
    TextParts textParts() {
        return textParts;
    }
}
