package co.interakt.capture.payload;

import co.interakt.capture.config.Enrichment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The request context a rule's {@link Enrichment} asks for, as {@code custom_fields} entries:
 * <table>
 *   <caption>custom field names</caption>
 *   <tr><td>{@code signup_ip}</td><td>first address of the trusted proxy header, else {@code remote-addr}</td></tr>
 *   <tr><td>{@code signup_user_agent}</td><td>the {@code User-Agent} header</td></tr>
 *   <tr><td>{@code signup_referrer}</td><td>the {@code Referer} header without query, fragment or user info</td></tr>
 *   <tr><td>{@code signup_page_url}</td><td>the request URL without query, fragment or user info</td></tr>
 *   <tr><td>{@code utm_source} ... {@code utm_content}</td><td>from the fields (query or body), else a cookie of that name</td></tr>
 * </table>
 * Query strings are cut from URLs because they may carry tokens (password-reset links, OAuth
 * codes); the UTM parameters, the useful part, are captured on their own.
 */
final class ContextFields {
    static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content");

    private ContextFields() {
    }

    /**
     * @param field the first value of a (non-sensitive, not excluded) request field by match key, or null
     */
    static Map<String, String> collect(Enrichment enrichment, Map<String, String> context,
                                       Function<String, String> field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (enrichment == null || !enrichment.any()) {
            return out;
        }
        Map<String, String> ctx = context == null ? Map.of() : context;
        if (enrichment.clientIp()) {
            put(out, "signup_ip", clientIp(enrichment.trustedProxyHeader(), ctx));
        }
        if (enrichment.userAgent()) {
            put(out, "signup_user_agent", ctx.get("user-agent"));
        }
        if (enrichment.referrer()) {
            put(out, "signup_referrer", withoutQuery(ctx.get("referer")));
        }
        if (enrichment.pageUrl()) {
            put(out, "signup_page_url", withoutQuery(ctx.get("request-url")));
        }
        if (enrichment.utm()) {
            for (String name : UTM) {
                String value = field.apply(name);
                put(out, name, value != null ? value : ctx.get("cookie:" + name));
            }
        }
        return out;
    }

    private static String clientIp(String trustedHeader, Map<String, String> ctx) {
        if (trustedHeader != null && !trustedHeader.isBlank()) {
            String forwarded = ctx.get(trustedHeader.trim().toLowerCase(Locale.ROOT));
            if (forwarded != null) {
                // X-Forwarded-For: client, proxy1, proxy2 -- the client is the first entry
                int comma = forwarded.indexOf(',');
                String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
                if (!first.isEmpty()) {
                    return first;
                }
            }
        }
        return ctx.get("remote-addr");
    }

    /** {@code https://u:p@host/path?q#f} is {@code https://host/path}. */
    static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        int q = url.indexOf('?');
        int f = url.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (f >= 0 && f < cut) {
            cut = f;
        }
        String base = url.substring(0, cut);
        int scheme = base.indexOf("://");
        if (scheme >= 0) {
            int hostStart = scheme + 3;
            int slash = base.indexOf('/', hostStart);
            int authorityEnd = slash < 0 ? base.length() : slash;
            int at = base.lastIndexOf('@', authorityEnd - 1);
            if (at >= hostStart) {
                base = base.substring(0, hostStart) + base.substring(at + 1);
            }
        }
        return base;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.put(name, value.trim());
        }
    }
}
