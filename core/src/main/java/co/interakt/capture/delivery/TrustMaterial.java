package co.interakt.capture.delivery;

import co.interakt.capture.config.ConfigException;
import co.interakt.capture.config.ConfigKeys;
import co.interakt.capture.config.DeliverySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;

/**
 * The TLS trust the sender uses: the JDK's defaults, or exactly the configured trust store (for an
 * Interakt reached through a private CA or a TLS-inspecting proxy). Certificate and hostname
 * verification stay on in both cases; there is deliberately no trust-all switch.
 */
final class TrustMaterial {
    private TrustMaterial() {
    }

    static TlsSocketStrategy tlsStrategy(DeliverySettings settings) {
        if (settings.trustStore() == null) {
            return DefaultClientTlsStrategy.createDefault();
        }
        return new DefaultClientTlsStrategy(sslContext(settings));
    }

    /** Loads a PKCS12 or JKS store (the JDK detects which) and trusts only its certificates. */
    static SSLContext sslContext(DeliverySettings settings) {
        Path path = settings.trustStore();
        char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().reveal().toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(path.toFile(), password);
            return SSLContextBuilder.create().loadTrustMaterial(store, null).build();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // The cause's message may quote the path, never the password.
            throw new ConfigException(ConfigKeys.TRUSTSTORE_PATH.name(), "cannot load trust store " + path + ": " + e.getMessage(),
                    "point it at a readable PKCS12 or JKS file and check " + ConfigKeys.TRUSTSTORE_PASSWORD.name());
        }
    }
}
