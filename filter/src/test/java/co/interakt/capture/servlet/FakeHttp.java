package co.interakt.capture.servlet;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Minimal stand-ins for a container's request and response, for unit tests of the servlet layer
 * (the real containers are in the ITs). Unknown calls fail loudly; every call is recorded.
 */
final class FakeHttp {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Supplier<Object>> overrides = new HashMap<>();
    String method = "POST";
    String servletPath = "/signup";
    String contentType = "application/x-www-form-urlencoded";
    byte[] body = new byte[0];
    int status = 201; // a success for a form under success-status=auto, as an app that created the account answers
    private ServletInputStream stream;

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> {
                    calls.add(m.getName());
                    if (overrides.containsKey(m.getName())) {
                        return overrides.get(m.getName()).get();
                    }
                    return switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getServletPath" -> servletPath;
                        case "getPathInfo", "getQueryString", "getCharacterEncoding" -> null;
                        case "getContextPath" -> "/app";
                        case "getRequestURI" -> "/app" + servletPath;
                        case "getContentType" -> contentType;
                        case "getContentLengthLong" -> (long) body.length;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "isAsyncStarted" -> false;
                        case "getInputStream" -> stream == null ? stream = new CachingStreamsTest.FakeInputStream(body) : stream;
                        case "toString" -> "FakeRequest";
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                    if (overrides.containsKey(m.getName())) {
                        return overrides.get(m.getName()).get();
                    }
                    return switch (m.getName()) {
                        case "getStatus" -> status;
                        case "toString" -> "FakeResponse";
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                });
    }
}
