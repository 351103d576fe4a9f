package co.interakt.capture.benchmarks.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as a container hands it to a filter: a servlet mapped to its exact path, an
 * optional body, form parameters parsed from that body on first use (the container's work, so it
 * is the same with and without the filter). Created fresh per request: it holds attributes and
 * a body that can be read once.
 */
public final class InProcessRequest implements HttpServletRequest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final String method;
    private final String path;
    private final String contentType;
    private final byte[] body;
    private Map<String, Object> attributes;
    private String characterEncoding;
    private Map<String, String[]> parameters;
    private boolean bodyTaken;

    private InProcessRequest(String method, String path, String contentType, byte[] body) {
        this.method = method;
        this.path = path;
        this.contentType = contentType;
        this.body = body;
    }

    /** A request without a body, e.g. {@code GET /hello}. */
    public static InProcessRequest get(String path) {
        return new InProcessRequest("GET", path, null, new byte[0]);
    }

    /** A {@code POST} with a body of the given content type (the array is not copied: never change it). */
    public static InProcessRequest post(String path, String contentType, byte[] body) {
        return new InProcessRequest("POST", path, contentType, body);
    }

    // ---- what the filter and a typical application use ----------------------------------------

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer("http://localhost:8080").append(path);
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding;
    }

    @Override
    public void setCharacterEncoding(String env) {
        characterEncoding = env;
    }

    @Override
    public String getHeader(String name) {
        if ("Content-Type".equalsIgnoreCase(name)) {
            return contentType;
        }
        if ("Content-Length".equalsIgnoreCase(name)) {
            return body.length == 0 ? null : Integer.toString(body.length);
        }
        return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        if (contentType != null) {
            names.add("Content-Type");
        }
        if (body.length > 0) {
            names.add("Content-Length");
        }
        return Collections.enumeration(names);
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public ServletInputStream getInputStream() {
        return new BytesInputStream(takeBody());
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(takeBody()), charset()));
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters().get(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes == null ? null : attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return attributes == null ? Collections.emptyEnumeration() : Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object o) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(name, o);
    }

    @Override
    public void removeAttribute(String name) {
        if (attributes != null) {
            attributes.remove(name);
        }
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public Cookie[] getCookies() {
        return null;
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public String getRemoteHost() {
        return "127.0.0.1";
    }

    @Override
    public int getRemotePort() {
        return 50000;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public String getServerName() {
        return "localhost";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(List.of(Locale.ROOT));
    }

    // ---- the container's form parsing ---------------------------------------------------------

    /** Like a container: the body of a form POST is parsed once, on first use, and consumed. */
    private Map<String, String[]> parameters() {
        if (parameters == null) {
            parameters = contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length()) && !bodyTaken
                    ? parseForm(new String(body, StandardCharsets.ISO_8859_1), charset())
                    : Map.of();
            bodyTaken = true;
        }
        return parameters;
    }

    private static Map<String, String[]> parseForm(String form, Charset charset) {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            collected.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        collected.forEach((name, values) -> out.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(out);
    }

    /** The body for the application to read: empty once the container parsed it into parameters. */
    private byte[] takeBody() {
        byte[] unread = bodyTaken ? new byte[0] : body;
        bodyTaken = true;
        return unread;
    }

    private Charset charset() {
        return characterEncoding == null ? StandardCharsets.UTF_8 : Charset.forName(characterEncoding);
    }

    // ---- not needed here ----------------------------------------------------------------------

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not part of the in-process request");
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create) {
            throw unsupported();
        }
        return null;
    }

    @Override
    public HttpSession getSession() {
        throw unsupported();
    }

    @Override
    public String changeSessionId() {
        throw unsupported();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) {
        throw unsupported();
    }

    @Override
    public void login(String username, String password) {
        throw unsupported();
    }

    @Override
    public void logout() {
        throw unsupported();
    }

    @Override
    public Collection<Part> getParts() {
        throw unsupported();
    }

    @Override
    public Part getPart(String name) {
        throw unsupported();
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
        throw unsupported();
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported();
    }

    @Override
    public String getLocalName() {
        return "localhost";
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return 8080;
    }

    @Override
    public ServletContext getServletContext() {
        return null;
    }

    @Override
    public AsyncContext startAsync() {
        throw unsupported();
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        throw unsupported();
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("not async");
    }

    @Override
    public String getRequestId() {
        return "0";
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        throw unsupported();
    }
}
