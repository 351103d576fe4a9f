package co.interakt.capture.delivery;

import co.interakt.capture.config.DeliverySettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Basic-auth token of the app id and API key, built in one place: the HTTP client sends it,
 * the sender masks it (like the key itself) wherever a message could echo it.
 */
final class BasicAuth {
    private BasicAuth() {
    }

    /** {@code base64(appId:apiKey)}, UTF-8: a secret, never logged. */
    static String token(DeliverySettings settings) {
        return Base64.getEncoder().encodeToString(
                (settings.appId() + ":" + settings.apiKey().reveal()).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} header value. */
    static String header(DeliverySettings settings) {
        return "Basic " + token(settings);
    }
}
