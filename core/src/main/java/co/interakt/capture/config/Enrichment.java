package co.interakt.capture.config;

/**
 * Optional request context added to {@code custom_fields}, per rule, all off by default.
 *
 * @param clientIp         the client's address, from {@code trustedProxyHeader} when set, else the socket peer
 * @param trustedProxyHeader e.g. {@code X-Forwarded-For}; {@code null} = trust no header
 * @param userAgent        the {@code User-Agent} header
 * @param referrer         the {@code Referer} header
 * @param utm              {@code utm_*} parameters from the query string or cookies
 * @param pageUrl          the URL of the signup request
 */
public record Enrichment(
        boolean clientIp,
        String trustedProxyHeader,
        boolean userAgent,
        boolean referrer,
        boolean utm,
        boolean pageUrl) {

    public static final Enrichment NONE = new Enrichment(false, null, false, false, false, false);

    public boolean any() {
        return clientIp || userAgent || referrer || utm || pageUrl;
    }
}
