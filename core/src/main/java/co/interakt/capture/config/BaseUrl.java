package co.interakt.capture.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Validates {@code interakt.base-url}: credentials only ever travel over https, except to this machine. */
final class BaseUrl {
    private static final String FIX = "use https://..., e.g. " + DeliverySettings.DEFAULT_BASE_URL
            + "; plain http is accepted only for localhost, 127.x.x.x or [::1] (a local sandbox)";

    private BaseUrl() {
    }

    static URI parse(Setting s) {
        if (s.value() == null || s.value().isBlank()) {
            throw s.error("empty base URL", FIX);
        }
        URI uri;
        try {
            uri = new URI(s.value());
        } catch (URISyntaxException e) {
            throw s.error(s.shown() + " is not a URL", FIX);
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: the user part may be a credential.
            throw s.error("the URL contains credentials",
                    "remove them from the URL and set interakt.app-id and interakt.api-key instead");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw s.error(s.shown() + " is not an absolute http(s) URL with a host", FIX);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw s.error(s.shown() + " has a query or fragment", "give only the API base, e.g. "
                    + DeliverySettings.DEFAULT_BASE_URL);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw s.error(s.shown() + " uses plain http to a remote host, which would expose the API key", FIX);
        }
        return uri;
    }

    /** localhost, 127.0.0.0/8 or ::1, decided from the text alone (no DNS lookup at start-up). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // An IPv6 literal: parsed locally, never resolved.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
