package co.interakt.capture.servlet;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.extract.CapturedRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a {@link BodyCachingRequest} the application has answered into the engine's servlet-free {@link CapturedRequest}. */
final class RequestSnapshot {
    private RequestSnapshot() {
    }

    static CapturedRequest of(BodyCachingRequest request, CaptureRule rule, String path, int maxBodyBytes) {
        BodyCache cache = request.cache();
        boolean complete = request.bodyComplete();
        Map<String, List<String>> containerParameters = Map.of();
        if (cache.size() == 0 && (request.partsRequested()
                || request.parametersRequested() && BodyCachingRequest.isFormContent(request.getContentType()))) {
            // The container consumed the body for getParameter*/getPart*: take what it parsed.
            Bounded parsed = request.partsRequested()
                    ? textParts(request, maxBodyBytes)
                    : parameters(request.getParameterMap(), maxBodyBytes);
            containerParameters = parsed.values();
            complete = parsed.complete();
        }
        return new CapturedRequest(
                request.getMethod(),
                path,
                request.getQueryString(),
                contentType(request),
                request.cachedEncoding(),
                cache.bytes(),
                cache.size(),
                complete,
                containerParameters,
                context(request, rule.enrichment()));
    }

    /**
     * The request's content type. Jetty's {@code getContentType} throws for a charset the JVM does
     * not know; the header as sent is then used, and the engine skips it as an unsupported charset.
     */
    static String contentType(HttpServletRequest request) {
        try {
            return request.getContentType();
        } catch (IllegalArgumentException unknownCharset) {
            return request.getHeader("Content-Type");
        }
    }

    /**
     * Parsed values, or none with {@code complete=false} when they exceed the budget: like a body
     * past {@code max-body-bytes}, an oversized form is skipped whole, never captured in part.
     */
    private record Bounded(Map<String, List<String>> values, boolean complete) {
        static final Bounded SKIPPED = new Bounded(Map.of(), false);
    }

    /** The container's parameter map, if its names and values fit in {@code budget} characters. */
    private static Bounded parameters(Map<String, String[]> map, int budget) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        long used = 0;
        for (Map.Entry<String, String[]> e : map.entrySet()) {
            String[] values = e.getValue() == null ? new String[0] : e.getValue();
            used += e.getKey().length();
            for (String v : values) {
                used += v == null ? 0 : v.length();
            }
            if (used > budget) {
                return Bounded.SKIPPED;
            }
            out.put(e.getKey(), Arrays.asList(values.clone()));
        }
        return new Bounded(out, true);
    }

    /** Text parts of a multipart body the application parsed; parts with a file name are skipped unread. */
    private static Bounded textParts(BodyCachingRequest request, int budget) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int remaining = budget;
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    continue;
                }
                if (part.getSize() > remaining) {
                    return Bounded.SKIPPED;
                }
                byte[] value;
                try (InputStream in = part.getInputStream()) {
                    value = in.readNBytes(remaining);
                }
                remaining -= value.length;
                String text = new String(value, charsetOf(part, request));
                out.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(text);
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            return Bounded.SKIPPED; // unreadable parts: skip rather than capture a part of the form
        }
        return new Bounded(out, true);
    }

    private static Charset charsetOf(Part part, HttpServletRequest request) {
        String fromPart = charsetParameter(part.getContentType());
        String name = fromPart != null ? fromPart : request.getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    /** Only what the rule's enrichment asks for: nothing at all when it is off (the default). */
    private static Map<String, String> context(HttpServletRequest request, Enrichment enrichment) {
        if (enrichment == null || !enrichment.any()) {
            return Map.of();
        }
        Map<String, String> context = new LinkedHashMap<>();
        if (enrichment.userAgent()) {
            putIfPresent(context, "user-agent", request.getHeader("User-Agent"));
        }
        if (enrichment.referrer()) {
            putIfPresent(context, "referer", request.getHeader("Referer"));
        }
        if (enrichment.clientIp()) {
            putIfPresent(context, "remote-addr", request.getRemoteAddr());
            String proxyHeader = enrichment.trustedProxyHeader();
            if (proxyHeader != null && !proxyHeader.isBlank()) {
                putIfPresent(context, proxyHeader.trim().toLowerCase(Locale.ROOT), request.getHeader(proxyHeader.trim()));
            }
        }
        if (enrichment.pageUrl()) {
            // Without the query string: it may carry tokens; utm_* from it reach the engine through queryString.
            putIfPresent(context, "request-url", request.getRequestURL().toString());
        }
        if (enrichment.utm() && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().regionMatches(true, 0, "utm_", 0, 4)) {
                    putIfPresent(context, "cookie:" + cookie.getName(), cookie.getValue());
                }
            }
        }
        return context;
    }

    private static void putIfPresent(Map<String, String> context, String key, String value) {
        if (value != null && !value.isEmpty()) {
            context.put(key, value);
        }
    }
}
