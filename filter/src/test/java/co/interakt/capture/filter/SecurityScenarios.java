package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.Multipart;
import co.interakt.capture.filter.harness.SenderJmx;
import co.interakt.capture.filter.harness.SensitiveForms;
import co.interakt.capture.filter.harness.TestApps;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import co.interakt.capture.sandbox.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing leaks, through a real container with the filter: sensitive fields never reach a payload
 * or a log line, the API key never reaches a log line, an exception or JMX, credentials never
 * travel over plain HTTP to another host, and TLS certificates are verified.
 */
abstract class SecurityScenarios extends ReliabilityScenario {
    /** Distinctive, so any appearance is found. */
    static final String SECRET_KEY = "rel-Key-9f8e7d6c-never-shown";

    @TempDir
    Path dir;

    SecurityScenarios(Containers which) {
        super(which);
    }

    @Test
    void sensitiveFieldsNeverReachAPayloadOrALogLineWhateverTheEncoding() throws Exception {
        startShops(captureSettings());
        List<String> expected = new ArrayList<>();

        for (String[] how : new String[][] {{"form", "params"}, {"form-stream", "stream"}}) {
            expected.add(how[0] + "@example.com");
            postToBoth(how[0], BadInputs.FORM, utf8(SensitiveForms.urlencoded(how[0] + "@example.com")), how[1]);
        }
        expected.add("json@example.com");
        postToBoth("json", "application/json", utf8(SensitiveForms.json("json@example.com")), "reader");
        // Tomcat refuses more than 50 parts a request by default: the multipart names come in slices.
        for (int slice = 0; slice < SensitiveForms.MULTIPART_SLICES; slice++) {
            // "stream": the capture parses the raw multipart bytes itself (an unread body would only be
            // taken if it had arrived by the time the application answered).
            for (String read : List.of("parts", "stream")) {
                String email = "multipart-" + read + "-" + slice + "@example.com";
                expected.add(email);
                Multipart form = SensitiveForms.multipart(email, slice);
                postToBoth(email, form.contentType(), form.bytes(), read);
            }
        }
        stopContainer();

        List<ReceivedRequest> members = sandbox.members();
        assertEquals(Set.copyOf(expected), Set.copyOf(members.stream().map(ReceivedRequest::email).toList()), sandbox.received().toString());
        assertEquals(expected.size(), sandbox.receivedCount());
        for (ReceivedRequest member : members) {
            assertEquals(Set.of("email", "name", "created_at"), member.attributes().keySet(), member.body());
            assertEquals(Map.of("plan", "pro"), member.customFields(), member.body());
            assertEquals(List.of(), SensitiveForms.leaksIn(member.body()), member.body());
        }
        assertEquals(List.of(), SensitiveForms.leaksIn(log.text()), "in the log (every level of ours)");
        assertTrue(SensitiveForms.NAMES.size() >= 50, "at least 50 names");
        assertEquals(SensitiveForms.NAMES.size(), SensitiveForms.leaksIn(SensitiveForms.json("x@example.com")).stream()
                .filter(leak -> leak.startsWith("value of")).count(), "the leak detector finds every value where there is one");
    }

    @Test
    void dryRunLogsThePayloadsButNoSensitiveField() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.dry-run", "true");
        startShops(settings);

        postToBoth("form", BadInputs.FORM, utf8(SensitiveForms.urlencoded("dry@example.com")), "params");
        postToBoth("json", "application/json", utf8(SensitiveForms.json("dry-json@example.com")), "reader");
        stopContainer();

        assertEquals(2, log.linesWith("Interakt dry-run, not sent").size(), log.text());
        assertEquals(1, log.linesWith("\"email\":\"dry-json@example.com\"").size(), log.text());
        assertEquals(List.of(), SensitiveForms.leaksIn(log.text()));
        assertEquals(0, sandbox.receivedCount());
    }

    @Test
    void theApiKeyNeverAppearsInLogsExceptionsOrJmx() throws Exception {
        sandbox.close();
        sandbox = new InteraktSandbox(APP_ID, SECRET_KEY).start(0);
        Map<String, String> settings = captureSettings();
        settings.put("interakt.api-key", SECRET_KEY);
        settings.put("interakt.retry.max-attempts", "3");
        startShops(settings);
        // Every path that logs or records an error: a retry, Retry-After, refused credentials, a bad request, exhaustion.
        sandbox.respondNext(500).respondNext(503, Map.of("Retry-After", "0")).respondNext(401).respondNext(400)
                .respondNext(3, 502, Map.of());
        List<String> emails = emails("keyed", 6);
        signUpEverywhere(emails);

        SenderJmx jmx = SenderJmx.local();
        await("every payload done", () -> jmx.sent() + jmx.failed() == emails.size());
        List<String> jmxText = jmx.everyAttributeAsText();
        stopContainer();

        String basicToken = Base64.getEncoder().encodeToString((APP_ID + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8));
        assertTrue(log.text().contains("INTERAKT_API_KEY"), "the paths that name the key were taken: " + log.text());
        for (String secret : List.of(SECRET_KEY, basicToken)) {
            assertFalse(log.text().contains(secret), "in the log: " + log.text());
            assertFalse(String.join("\n", jmxText).contains(secret), "on JMX: " + jmxText);
        }
        assertFalse(log.text().contains("Basic "), "an Authorization header in the log");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://app.interakt.co/api/v1",
            "http://10.0.0.5:8099/api/v1",
            "http://0.0.0.0:8099/api/v1",
            "http://127.0.0.1.nip.io/api/v1",
            "http://localhost.attacker.example/api/v1",
            "https://test-app:" + SECRET_KEY + "@app.interakt.co/api/v1"})
    void credentialsNeverTravelInTheClearToAnotherHostNorSitInTheUrl(String baseUrl) throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.base-url", baseUrl);
        settings.put("interakt.api-key", SECRET_KEY);

        Exception refused = assertThrows(Exception.class, () -> start(TestApps.shop(settings)), "the filter must refuse to start");

        List<String> messages = new ArrayList<>();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        String everything = log.text() + "\n" + String.join("\n", messages);
        assertTrue(everything.contains("interakt.base-url: "), "the message names the key: " + everything);
        assertFalse(everything.contains(SECRET_KEY), "the key in a message or a log line: " + everything);
        assertEquals(0, sandbox.receivedCount());
    }

    @Test
    void aSelfSignedServerGetsNothingWithoutATrustStore() throws Exception {
        sandbox.close();
        sandbox = new InteraktSandbox(APP_ID, API_KEY).startTls(0, SelfSignedCertificate.create(dir, "sandbox", "ip:127.0.0.1").serverContext());
        Map<String, String> settings = captureSettings();
        settings.put("interakt.base-url", sandbox.baseUrl());
        settings.put("interakt.retry.max-attempts", "2");
        startShops(settings);

        signUpEverywhere(List.of("untrusted@example.com"));

        SenderJmx jmx = SenderJmx.local();
        await("the payload is given up", () -> jmx.failed() == 1);
        assertTrue(jmx.lastError().contains("SSLHandshakeException"), jmx.lastError());
        stopContainer();
        assertEquals(0, sandbox.receivedCount(), "no request got through TLS");
    }

    @Test
    void aSelfSignedServerTrustedThroughTheConfiguredTrustStoreGetsTheSignup() throws Exception {
        sandbox.close();
        Path trustStore = dir.resolve("trust.p12");
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir, "sandbox", "ip:127.0.0.1").trustIn(trustStore, "PKCS12", "trust-pass");
        sandbox = new InteraktSandbox(APP_ID, API_KEY).startTls(0, certificate.serverContext());
        Map<String, String> settings = captureSettings();
        settings.put("interakt.base-url", sandbox.baseUrl());
        settings.put("interakt.truststore.path", trustStore.toString());
        settings.put("interakt.truststore.password", "trust-pass");
        startShops(settings);

        signUpEverywhere(List.of("trusted@example.com"));

        stopContainer();
        assertTrue(sandbox.baseUrl().startsWith("https://"));
        assertEquals(Map.of("trusted@example.com", 1L), acceptedMembers());
        assertFalse(log.text().contains("trust-pass"), "the trust store password was logged");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
