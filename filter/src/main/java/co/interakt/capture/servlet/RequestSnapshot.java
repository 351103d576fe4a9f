package co.interakt.capture.servlet;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.extract.CapturedRequest;
import co.interakt.capture.extract.ContentType;
import co.interakt.capture.extract.SkipReasons;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
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
        String skipReason = request.bodySkipReason();
        Map<String, List<String>> containerParameters = Map.of();
        if (cache.size() == 0 && request.partsRequested()) {
            // The container parsed the multipart form: its text parts, recorded when the application asked.
            TextParts parts = request.textParts() == null ? TextParts.UNAVAILABLE : request.textParts();
            containerParameters = parts.values();
            skipReason = parts.skipReason();
        } else if (cache.size() == 0 && request.parametersRequested()
                && ContentType.isForm(request.contentTypeHeader())) {
            // The container consumed the body for getParameter*: take what it parsed.
            Bounded parsed = parameters(request, maxBodyBytes);
            containerParameters = parsed.values();
            skipReason = parsed.skipReason();
        }
        return new CapturedRequest(
                request.getMethod(),
                path,
                request.getQueryString(),
                request.contentTypeHeader(),
                request.cachedEncoding(),
                cache.bytes(),
                cache.size(),
                skipReason,
                containerParameters,
                context(request, rule.enrichment()));
    }

    /**
     * Parsed values, or none with a skip reason when they exceed the budget: like a body past
     * {@code max-body-bytes}, an oversized form is skipped whole, never captured in part.
     */
    private record Bounded(Map<String, List<String>> values, String skipReason) {
    }

    /**
     * The container's parameter map, if its names and values fit in {@code budget} characters. The
     * map was parsed when the application asked, so this reads nothing; a container that fails here
     * anyway (a multipart form whose parts were deleted) leaves nothing to capture.
     */
    private static Bounded parameters(BodyCachingRequest request, int budget) {
        Map<String, String[]> map;
        try {
            map = request.getParameterMap();
        } catch (RuntimeException e) {
            return new Bounded(Map.of(), ContentType.isMultipart(request.contentTypeHeader())
                    ? SkipReasons.MULTIPART_UNAVAILABLE : SkipReasons.BODY_UNREADABLE);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        long used = 0;
        for (Map.Entry<String, String[]> e : map.entrySet()) {
            String[] values = e.getValue() == null ? new String[0] : e.getValue();
            used += e.getKey().length();
            for (String v : values) {
                used += v == null ? 0 : v.length();
            }
            if (used > budget) {
                return new Bounded(Map.of(), SkipReasons.BODY_TOO_LARGE);
            }
            out.put(e.getKey(), Arrays.asList(values.clone()));
        }
        return new Bounded(out, null);
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
