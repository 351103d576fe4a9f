package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid setting stops start-up with the key, the fix, and never a secret. */
class ConfigValidationTest {
    private static final String API_KEY = "sk_live_TOPSECRET_4242";
    private static final String STORE_PASSWORD = "storepass_TOPSECRET";

    @TempDir
    static Path dir;

    @BeforeAll
    static void trustStore() throws IOException {
        Files.write(dir.resolve("store.p12"), new byte[] {1});
    }

    /**
     * @param settings     overrides on top of valid credentials (value {@code null} removes a key)
     * @param key          the key the exception must name
     * @param fix          text the fix must contain
     */
    record Case(String name, Map<String, String> settings, String key, String fix) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                c("unknown target", Map.of("interakt.rule.signup.target", "member"),
                        "interakt.rule.signup.target", "use 'members' or 'leads'"),
                c("malformed path pattern", Map.of("interakt.rule.signup.paths", "/signup,/a**b"),
                        "interakt.rule.signup.paths", "write patterns like /signup"),
                c("relative path pattern", Map.of("interakt.rule.signup.paths", "signup"),
                        "interakt.rule.signup.paths", "start with /"),
                c("empty paths", Map.of("interakt.rule.signup.paths", " "),
                        "interakt.rule.signup.paths", "set interakt.rule.signup.paths to a comma-separated list"),
                c("second rule without paths", Map.of("interakt.rules", "signup,trial"),
                        "interakt.rule.trial.paths", "set interakt.rule.trial.paths"),
                c("dry-run off without any credential",
                        credentials(null, null, Map.of("interakt.dry-run", "false")),
                        "interakt.app-id", "set interakt.app-id and interakt.api-key (environment INTERAKT_APP_ID and INTERAKT_API_KEY)"),
                c("dry-run off without api key", credentials("app", null, Map.of("interakt.dry-run", "false")),
                        "interakt.api-key", "INTERAKT_API_KEY"),
                c("dry-run off without app id", credentials(null, API_KEY, Map.of("interakt.dry-run", "false")),
                        "interakt.app-id", "INTERAKT_APP_ID"),
                c("dry-run not a boolean", Map.of("interakt.dry-run", "maybe"), "interakt.dry-run", "use true or false"),
                c("http to a remote host", Map.of("interakt.base-url", "http://app.interakt.co/api/v1"),
                        "interakt.base-url", "use https://"),
                c("http to a host that only starts like loopback", Map.of("interakt.base-url", "http://127.0.0.1.evil.example/x"),
                        "interakt.base-url", "use https://"),
                c("http to a non-loopback address", Map.of("interakt.base-url", "http://10.0.0.5/api"),
                        "interakt.base-url", "only for localhost"),
                c("ftp base url", Map.of("interakt.base-url", "ftp://app.interakt.co/api"), "interakt.base-url", "use https://"),
                c("relative base url", Map.of("interakt.base-url", "/api/v1"), "interakt.base-url", "use https://"),
                c("not a url", Map.of("interakt.base-url", "https://bad host/"), "interakt.base-url", "use https://"),
                c("credentials in the url", Map.of("interakt.base-url", "https://app:" + API_KEY + "@app.interakt.co/api/v1"),
                        "interakt.base-url", "set interakt.app-id and interakt.api-key instead"),
                c("query in the url", Map.of("interakt.base-url", "https://app.interakt.co/api/v1?key=1"),
                        "interakt.base-url", "give only the API base"),
                c("bad duration", Map.of("interakt.timeout.connect", "5 seconds"), "interakt.timeout.connect", "e.g. 250ms, 5s, 2m"),
                c("zero total timeout", Map.of("interakt.timeout.total", "0"), "interakt.timeout.total", "above 0"),
                c("max backoff below initial", Map.of("interakt.retry.initial-backoff", "10s", "interakt.retry.max-backoff", "1s"),
                        "interakt.retry.max-backoff", "lower interakt.retry.initial-backoff"),
                c("negative queue", Map.of("interakt.queue-capacity", "-1"), "interakt.queue-capacity", "from 1 to 1000000"),
                c("unbounded queue", Map.of("interakt.queue-capacity", "2147483647"), "interakt.queue-capacity", "from 1 to 1000000"),
                c("zero attempts", Map.of("interakt.retry.max-attempts", "0"), "interakt.retry.max-attempts", "from 1 to 100"),
                c("huge body cap", Map.of("interakt.max-body-bytes", "1GiB"), "interakt.max-body-bytes", "64KiB"),
                c("zero value length", Map.of("interakt.max-value-length", "0"), "interakt.max-value-length", "whole number"),
                c("enabled not a boolean", Map.of("interakt.enabled", "yes"), "interakt.enabled", "use true or false"),
                c("no rules", Map.of("interakt.rules", ""), "interakt.rules", "interakt.enabled=false"),
                c("malformed rule name", Map.of("interakt.rules", "sign.up"), "interakt.rules", "letters, digits, - and _"),
                c("rules clashing in env form", Map.of("interakt.rules", "news-letter,news_letter"),
                        "interakt.rules", "distinct name"),
                c("duplicate rule", Map.of("interakt.rules", "signup,signup"), "interakt.rules", "distinct name"),
                c("malformed method", Map.of("interakt.rule.signup.methods", "PO ST"), "interakt.rule.signup.methods", "e.g. POST"),
                c("no method", Map.of("interakt.rule.signup.methods", ","), "interakt.rule.signup.methods", "e.g. POST"),
                c("no email alias", Map.of("interakt.rule.signup.email-fields", ""), "interakt.rule.signup.email-fields",
                        "email,user[email]"),
                c("custom fields star and names", Map.of("interakt.rule.signup.custom-fields", "*,plan"),
                        "interakt.rule.signup.custom-fields", "use * alone"),
                c("malformed success status", Map.of("interakt.rule.signup.success-status", "2xx,ok"),
                        "interakt.rule.signup.success-status", "2xx,3xx"),
                c("unknown enrichment", Map.of("interakt.rule.signup.enrich", "client-ip,geo"), "interakt.rule.signup.enrich",
                        "client-ip, user-agent, referrer, utm, page-url"),
                c("malformed proxy header", Map.of("interakt.rule.signup.trusted-proxy-header", "X Forwarded"),
                        "interakt.rule.signup.trusted-proxy-header", "X-Forwarded-For"),
                c("truststore missing", Map.of("interakt.truststore.path", "/no/such/store.p12"),
                        "interakt.truststore.path", "readable PKCS12 or JKS file"),
                c("truststore password without path", removing("interakt.truststore.path"),
                        "interakt.truststore.password", "set interakt.truststore.path"),
                c("unknown key (typo)", Map.of("interakt.app_id", "x"), "interakt.app_id", "did you mean interakt.app-id?"),
                c("unknown key holding the api key", Map.of("interakt.apikey", API_KEY), "interakt.apikey",
                        "did you mean interakt.api-key?"),
                c("unknown rule key", Map.of("interakt.rule.signup.email", "mail"), "interakt.rule.signup.email",
                        "did you mean interakt.rule.signup.email-fields?"),
                c("unknown key, nothing close", Map.of("interakt.colour-scheme", "dark"), "interakt.colour-scheme",
                        "remove it or use a documented key"),
                c("key of an unlisted rule", Map.of("interakt.rule.trial.paths", "/trial"), "interakt.rule.trial.paths",
                        "interakt.rules=signup,trial"),
                c("key without prefix", Map.of("app-id", "x"), "app-id", "write it as interakt.app-id"),
                c("config file missing", Map.of("config-file", "/no/such/interakt.properties"), "interakt.config-file",
                        "correct the path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invalidSettingNamesKeyAndFixButNoSecret(Case c) {
        Map<String, String> overrides = new LinkedHashMap<>(credentials("app", API_KEY, Map.of()));
        overrides.put("interakt.truststore.password", STORE_PASSWORD);
        overrides.put("interakt.truststore.path", dir.resolve("store.p12").toString());
        c.settings().forEach((k, v) -> {
            if (v == null) {
                overrides.remove(k);
            } else {
                overrides.put(k, v);
            }
        });
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().overrides(overrides).load());
        assertEquals(c.key(), e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(c.key() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("(fix: "), e.getMessage());
        assertTrue(e.getMessage().contains(c.fix()), "expected fix '" + c.fix() + "' in: " + e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void messagesSayWhereABadValueCameFrom() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "interakt.timeout.response=soon\n",
                StandardCharsets.UTF_8);
        ConfigException fromFile = assertThrows(ConfigException.class, () -> new ConfigLoader().file(file).load());
        assertTrue(fromFile.getMessage().contains("'soon' from file " + file), fromFile.getMessage());

        ConfigException fromEnv = assertThrows(ConfigException.class, () -> new ConfigLoader()
                .environment(Map.of("INTERAKT_RULE_SIGNUP_TARGET", "customers")).load());
        assertEquals("interakt.rule.signup.target", fromEnv.key());

        ConfigException fromEnvDuration = assertThrows(ConfigException.class, () -> new ConfigLoader()
                .environment(Map.of("INTERAKT_SHUTDOWN_GRACE", "-1")).load());
        assertTrue(fromEnvDuration.getMessage().contains("environment variable INTERAKT_SHUTDOWN_GRACE"),
                fromEnvDuration.getMessage());
    }

    @Test
    void anUnknownKeyInTheFileStopsStartUpAndNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.properties"),
                "interakt.api-key=" + API_KEY + "\ninterakt.rule.signup.path=/join\nspring.other=ignored\n",
                StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().file(file).load());
        assertEquals("interakt.rule.signup.path", e.key());
        assertTrue(e.getMessage().contains("did you mean interakt.rule.signup.paths?"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void aMalformedFileNeverQuotesItsContent() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.properties"),
                "interakt.api-key=" + API_KEY + "\\u12G4\n", StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().file(file).load());
        assertEquals("interakt.config-file", e.key());
        assertNoSecret(e);
    }

    @Test
    void aWorkingTrustStorePathIsAccepted() throws IOException {
        Path store = Files.write(dir.resolve("ok.p12"), new byte[] {1});
        DeliverySettings d = new ConfigLoader().overrides(Map.of(
                "interakt.truststore.path", store.toString(),
                "interakt.truststore.password", STORE_PASSWORD)).load().delivery();
        assertEquals(store, d.trustStore());
        assertFalse(d.toString().contains(STORE_PASSWORD));
    }

    private static void assertNoSecret(ConfigException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(API_KEY), "API key leaked: " + t.getMessage());
            assertFalse(String.valueOf(t.getMessage()).contains(STORE_PASSWORD), "password leaked: " + t.getMessage());
        }
    }

    private static Case c(String name, Map<String, String> settings, String key, String fix) {
        return new Case(name, settings, key, fix);
    }

    private static Map<String, String> removing(String key) {
        Map<String, String> m = new HashMap<>();
        m.put(key, null);
        return m;
    }

    /** Credentials as overrides; a {@code null} removes that credential. */
    private static Map<String, String> credentials(String appId, String apiKey, Map<String, String> more) {
        Map<String, String> m = new HashMap<>(more);
        m.put("interakt.app-id", appId);
        m.put("interakt.api-key", apiKey);
        return m;
    }
}
