package co.interakt.capture.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server certificate made with the JDK's {@code keytool} when asked (nothing to
 * expire in a repository), for an HTTPS sandbox ({@link InteraktSandbox#startTls}) and the trust
 * stores a client needs to accept it. For tests and demos only.
 *
 * @param keyStore    the PKCS12 store holding the key pair
 * @param certificate the exported certificate, to import into a client's trust store
 */
public record SelfSignedCertificate(String alias, Path keyStore, Path certificate) {
    private static final String STORE_PASSWORD = "sandbox-server-pass";

    /**
     * Creates {@code <alias>.p12} and {@code <alias>.crt} in {@code dir}.
     *
     * @param subjectAlternativeNames keytool's SAN syntax, e.g. {@code ip:127.0.0.1,dns:localhost}
     */
    public static SelfSignedCertificate create(Path dir, String alias, String subjectAlternativeNames) {
        Path keyStore = dir.resolve(alias + ".p12");
        Path certificate = dir.resolve(alias + ".crt");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
                "-ext", "SAN=" + subjectAlternativeNames, "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        return new SelfSignedCertificate(alias, keyStore, certificate);
    }

    /** Adds this certificate to a trust store of {@code type} ({@code PKCS12} or {@code JKS}), creating it if needed. */
    public SelfSignedCertificate trustIn(Path trustStore, String type, String password) {
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", type,
                "-keystore", trustStore.toString(), "-storepass", password);
        return this;
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance(keyStore.toFile(), STORE_PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + keyStore, e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
