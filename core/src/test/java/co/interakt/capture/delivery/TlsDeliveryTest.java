package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.ConfigException;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS against the sandbox with self-signed certificates made by {@code keytool} at test time
 * ({@link SelfSignedCertificate}, nothing to expire in the repository): verification is on by default, a configured trust store
 * is honoured, and a trusted certificate for the wrong host is still refused.
 */
class TlsDeliveryTest {
    private static final String TRUST_PASSWORD = "trust-pass-123";

    @TempDir
    static Path dir;
    private static final Map<String, SelfSignedCertificate> certificates = new HashMap<>();

    @BeforeAll
    static void makeCertificates() {
        for (String[] server : new String[][] {{"good", "ip:127.0.0.1,dns:localhost"}, {"wrong-host", "dns:wrong.example"}}) {
            SelfSignedCertificate certificate = SelfSignedCertificate.create(dir, server[0], server[1]);
            certificates.put(server[0], certificate);
            certificate.trustIn(dir.resolve("trust.p12"), "PKCS12", TRUST_PASSWORD).trustIn(dir.resolve("trust.jks"), "JKS", TRUST_PASSWORD);
        }
    }

    @Test
    void refusesASelfSignedServerWithTheJdkDefaults() throws Exception {
        try (InteraktSandbox sandbox = tlsSandbox("good")) {
            InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).maxAttempts(2).build(), 1);
            try {
                sender.submit(Payloads.member("ann@example.com"));

                InteraktSenderTest.awaitMetrics(sender, m -> m.failed() == 1);
                assertEquals(Map.of("retries-exhausted", 1L), sender.metrics().failedByReason());
                assertTrue(sender.metrics().lastError().contains("SSLHandshakeException"), sender.metrics().lastError());
                assertEquals(0, sandbox.receivedCount());
            } finally {
                sender.close();
            }
        }
    }

    @ParameterizedTest(name = "trust store {0}")
    @ValueSource(strings = {"p12", "jks"})
    void deliversWithTheConfiguredTrustStore(String type) throws Exception {
        try (InteraktSandbox sandbox = tlsSandbox("good")) {
            InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl())
                    .trustStore(dir.resolve("trust." + type), TRUST_PASSWORD).build(), 1);
            try {
                assertTrue(sender.httpClientCreated(), "a custom trust store is loaded at start, to fail fast");
                sender.submit(Payloads.member("ann@example.com"));

                assertTrue(sandbox.awaitAccepted(1, InteraktSenderTest.WAIT));
                assertTrue(sandbox.baseUrl().startsWith("https://"));
                assertEquals("ann@example.com", sandbox.members().get(0).email());
            } finally {
                sender.close();
            }
        }
    }

    @Test
    void verifiesTheHostnameEvenForATrustedCertificate() throws Exception {
        try (InteraktSandbox sandbox = tlsSandbox("wrong-host")) {
            InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).maxAttempts(1)
                    .trustStore(dir.resolve("trust.p12"), TRUST_PASSWORD).build(), 1);
            try {
                sender.submit(Payloads.member("ann@example.com"));

                InteraktSenderTest.awaitMetrics(sender, m -> m.failed() == 1);
                // Reported by the JDK's endpoint identification or HttpClient's verifier; both say this.
                assertTrue(sender.metrics().lastError().contains("subject alternative names"), sender.metrics().lastError());
                assertEquals(0, sandbox.receivedCount());
            } finally {
                sender.close();
            }
        }
    }

    @Test
    void anUnreadableTrustStoreNamesTheKeyButNotThePassword() throws IOException {
        Path notAStore = Files.writeString(dir.resolve("not-a-store.p12"), "hello");

        ConfigException e = assertThrows(ConfigException.class, () -> InteraktSender.start(
                TestSettings.to("https://127.0.0.1:1/api/v1").trustStore(notAStore, TRUST_PASSWORD).build()));

        assertEquals("interakt.truststore.path", e.key());
        assertFalse(e.getMessage().contains(TRUST_PASSWORD), e.getMessage());
    }

    private static InteraktSandbox tlsSandbox(String server) {
        return new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).startTls(0, certificates.get(server).serverContext());
    }
}
