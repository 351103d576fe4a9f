package co.interakt.capture.servlet;

import jakarta.servlet.http.HttpServletRequest;

/** The request path capture rules are matched against. */
public final class ServletPaths {
    private ServletPaths() {
    }

    /**
     * The path within the web application: servlet path plus path info, decoded and normalised by
     * the container (so {@code ;jsessionid=...} and {@code %2F} tricks don't dodge a rule). No
     * allocation in the common case of a servlet mapped by extension, exact path or {@code /}.
     */
    public static String withinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            return servletPath == null || servletPath.isEmpty() ? fromRequestUri(request) : servletPath;
        }
        return servletPath == null || servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
    }

    /** When the mapping says nothing (a filter on an unmapped path): the URI minus the context path. */
    private static String fromRequestUri(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path == null || path.isEmpty() ? "/" : path;
    }
}
