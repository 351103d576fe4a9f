package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderDefaultsTest {

    private static CaptureConfig load(Map<String, String> overrides) {
        return new ConfigLoader().overrides(overrides).load();
    }

    @Test
    void withNothingConfiguredItCapturesSignupsInDryRun() {
        CaptureConfig config = load(Map.of());
        assertTrue(config.enabled());
        assertEquals(65536, config.maxBodyBytes());
        assertEquals(1024, config.maxValueLength());
        assertEquals(List.of(), config.sensitiveFields());

        CaptureRule signup = config.rules().get(0);
        assertEquals(1, config.rules().size());
        assertEquals("signup", signup.name());
        assertEquals(ConfigKeys.DEFAULT_RULE_PATHS.replace(",", ", "),
                signup.paths().toString().replace("[", "").replace("]", ""));
        assertEquals(Set.of("POST"), signup.methods());
        assertEquals(Target.MEMBERS, signup.target());
        assertTrue(signup.aliases().email().containsAll(List.of("email", "user[email]", "user.email", "e-mail")));
        assertTrue(signup.aliases().firstName().contains("first_name"));
        assertTrue(signup.aliases().lastName().contains("last_name"));
        assertTrue(signup.customFields().all());
        assertEquals(Set.of(), signup.exclude());
        // auto: a form post counts on 201 or a redirect, a JSON post on any 2xx.
        String form = "application/x-www-form-urlencoded";
        assertTrue(signup.successStatus().auto());
        assertTrue(signup.successStatus().accepts(201, form) && signup.successStatus().accepts(302, form));
        assertFalse(signup.successStatus().accepts(200, form) || signup.successStatus().accepts(400, form));
        assertTrue(signup.successStatus().accepts(200, "application/json") && !signup.successStatus().accepts(302, "application/json"));
        assertEquals(Enrichment.NONE, signup.enrichment());

        DeliverySettings d = config.delivery();
        assertEquals(DeliverySettings.DEFAULT_BASE_URL, d.baseUrl());
        assertNull(d.appId());
        assertNull(d.apiKey());
        assertTrue(d.dryRun());
        assertEquals(10000, d.queueCapacity());
        assertEquals(12, d.maxAttempts());
        assertEquals(Duration.ofMillis(500), d.initialBackoff());
        assertEquals(Duration.ofSeconds(30), d.maxBackoff());
        assertEquals(Duration.ofSeconds(2), d.connectTimeout());
        assertEquals(Duration.ofSeconds(5), d.responseTimeout());
        assertEquals(Duration.ofSeconds(10), d.totalTimeout());
        assertEquals(Duration.ofSeconds(5), d.shutdownGrace());
        assertNull(d.trustStore());
        assertNull(d.trustStorePassword());
    }

    @Test
    void theDefaultRuleMatchesCommonSignupPaths() {
        CaptureConfig config = load(Map.of());
        assertEquals("signup", config.ruleFor("POST", "/users/sign_up").name());
        assertEquals("signup", config.ruleFor("POST", "/register/").name());
        assertNull(config.ruleFor("GET", "/signup"));
        assertNull(config.ruleFor("POST", "/login"));
    }

    @Test
    void credentialsTurnDryRunOffUnlessAskedFor() {
        assertFalse(load(Map.of("interakt.app-id", "app", "interakt.api-key", "key")).delivery().dryRun());
        assertTrue(load(Map.of("interakt.app-id", "app", "interakt.api-key", "key", "interakt.dry-run", "true"))
                .delivery().dryRun());
        assertTrue(load(Map.of("interakt.app-id", "app")).delivery().dryRun());
        assertTrue(load(Map.of("interakt.app-id", "app", "interakt.api-key", "  ")).delivery().dryRun());
    }

    @Test
    void theApiKeyIsASecret() {
        DeliverySettings d = load(Map.of("interakt.app-id", "app", "interakt.api-key", "sk_live_123")).delivery();
        assertEquals("sk_live_123", d.apiKey().reveal());
        assertFalse(d.toString().contains("sk_live_123"), d.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/api/v1", "http://LOCALHOST/api", "http://127.0.0.1:9/api/v1",
        "http://127.10.20.30/api", "http://[::1]:8080/api/v1", "http://[0:0:0:0:0:0:0:1]/x",
        "https://app.interakt.co/api/v1/", "https://interakt.example.com:8443/api/v1"})
    void httpsAnywhereAndHttpOnlyOnLoopback(String url) {
        assertEquals(url, load(Map.of("interakt.base-url", url)).delivery().baseUrl().toString());
    }

    @Test
    void secondRuleForLeadsWithEverythingSet() {
        CaptureConfig config = load(Map.ofEntries(
                Map.entry("interakt.rules", "signup, newsletter"),
                Map.entry("interakt.rule.newsletter.paths", "/newsletter, /api/**/subscribe"),
                Map.entry("interakt.rule.newsletter.methods", "post,put"),
                Map.entry("interakt.rule.newsletter.target", "LEADS"),
                Map.entry("interakt.rule.newsletter.email-fields", "subscriber_email"),
                Map.entry("interakt.rule.newsletter.custom-fields", "plan, source"),
                Map.entry("interakt.rule.newsletter.exclude-fields", "internal_note"),
                Map.entry("interakt.rule.newsletter.success-status", "200,302-303"),
                Map.entry("interakt.rule.newsletter.enrich", "client-ip,UTM,page-url"),
                Map.entry("interakt.rule.newsletter.trusted-proxy-header", "X-Forwarded-For")));
        CaptureRule rule = config.rules().get(1);
        assertEquals("newsletter", rule.name());
        assertEquals(Set.of("POST", "PUT"), rule.methods());
        assertEquals(Target.LEADS, rule.target());
        assertEquals(List.of("subscriber_email"), rule.aliases().email());
        assertFalse(rule.customFields().all());
        assertEquals(List.of("plan", "source"), rule.customFields().names());
        assertEquals(Set.of("internal_note"), rule.exclude());
        assertTrue(rule.successStatus().contains(303));
        assertFalse(rule.successStatus().contains(201));
        assertEquals(new Enrichment(true, "X-Forwarded-For", false, false, true, true), rule.enrichment());
        assertSame(rule, config.ruleFor("PUT", "/api/v2/lists/subscribe"));
        assertEquals("signup", config.ruleFor("POST", "/signup").name());
    }

    @ParameterizedTest
    @CsvSource({"'', false", "'*', true", "email_opt_in, false"})
    void customFieldsAllOrAllowList(String value, boolean expectedAll) {
        CustomFieldPolicy policy = load(Map.of("interakt.rule.signup.custom-fields", value)).rules().get(0).customFields();
        assertEquals(expectedAll, policy.all());
    }

    @Test
    void disabledStillLoads() {
        CaptureConfig config = load(Map.of("interakt.enabled", "false"));
        assertFalse(config.enabled());
        assertNull(config.ruleFor("POST", "/signup"));
    }
}
