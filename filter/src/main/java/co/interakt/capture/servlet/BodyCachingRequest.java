package co.interakt.capture.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;

/**
 * What the application gets instead of the container's request on a matching request: identical
 * behaviour, but the body bytes it reads through {@link #getInputStream()} or {@link #getReader()}
 * are recorded (up to the cap) as they go by. Nothing is read ahead of the application.
 * {@code getParameter*} and {@code getPart*} go to the container unchanged; we only note that they
 * were called, because then the container, not the application, consumed the body.
 */
final class BodyCachingRequest extends HttpServletRequestWrapper {
    private static final int CHUNK = 4096;
    private static final int MIN_CHUNK = 256;

    private final BodyCache cache;
    private CachingInputStream stream;
    private CachingReader reader;
    private boolean parametersRequested;
    private boolean partsRequested;

    BodyCachingRequest(HttpServletRequest request, int maxBodyBytes) {
        super(request);
        this.cache = new BodyCache(maxBodyBytes, request.getContentLengthLong());
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new CachingInputStream(super.getInputStream(), cache);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new CachingReader(super.getReader(), cache);
        }
        return reader;
    }

    @Override
    public String getParameter(String name) {
        parametersRequested = true;
        return super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        parametersRequested = true;
        return super.getParameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        parametersRequested = true;
        return super.getParameterNames();
    }

    @Override
    public String[] getParameterValues(String name) {
        parametersRequested = true;
        return super.getParameterValues(name);
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        partsRequested = true;
        return super.getParts();
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        partsRequested = true;
        return super.getPart(name);
    }

    /**
     * After the application answered: reads, through the same caching stream or reader, what it
     * left unread, up to the cap. Not when the container consumed the body for
     * {@code getParameter*}/{@code getPart*} (it does so only for form content types), and not
     * when the client waits for {@code 100 Continue} before sending a body the application never
     * asked for.
     */
    void readRemainder() throws IOException {
        if (cache.overflowed() || cache.endSeen() || containerConsumedBody()) {
            return;
        }
        if (reader != null) {
            char[] chunk = new char[chunkSize()];
            while (!cache.overflowed() && reader.read(chunk, 0, chunk.length) >= 0) {
                // recorded by the caching reader
            }
            return;
        }
        if (stream == null && (getContentLengthLong() == 0 || expectsContinue())) {
            return;
        }
        ServletInputStream in = getInputStream();
        byte[] chunk = new byte[chunkSize()];
        while (!cache.overflowed() && in.read(chunk, 0, chunk.length) >= 0) {
            // recorded by the caching stream
        }
    }

    /**
     * Room for the rest of a body of declared length plus the read that sees its end (a body has
     * at least as many bytes as characters), so a small form does not cost a {@value #CHUNK} buffer.
     */
    private int chunkSize() {
        long declared = getContentLengthLong();
        long rest = declared >= 0 ? declared - cache.size() + 1 : CHUNK;
        return (int) Math.max(MIN_CHUNK, Math.min(CHUNK, rest));
    }

    private boolean containerConsumedBody() {
        return partsRequested || parametersRequested && isFormContent(getContentType());
    }

    /** The content types a container parses into parameters. */
    static boolean isFormContent(String contentType) {
        return contentType != null
                && (contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                || contentType.regionMatches(true, 0, "multipart/form-data", 0, 19));
    }

    private boolean expectsContinue() {
        String expect = getHeader("Expect");
        return expect != null && expect.regionMatches(true, 0, "100-continue", 0, 12);
    }

    /** Whether the body we hold is all of it: read to the end (or to its declared length), with no skip and no overflow. */
    boolean bodyComplete() {
        if (cache.overflowed() || cache.hasGap()) {
            return false;
        }
        if (cache.endSeen()) {
            return true;
        }
        if (reader == null) {
            long declared = getContentLengthLong();
            if (declared >= 0 && declared == cache.size()) {
                return true;
            }
            return stream != null && finished(stream);
        }
        return false;
    }

    private static boolean finished(ServletInputStream in) {
        try {
            return in.isFinished();
        } catch (RuntimeException e) {
            return false;
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
}
