package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.config.FieldAliases;
import co.interakt.capture.config.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadMapperTest {
    private static final long NOW = 1_714_557_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final int MAX_VALUE = 50;

    private static PayloadMapper mapper(CaptureRule rule) {
        return new PayloadMapper(rule, SensitiveFields.withExtras(List.of("internal_*")), MAX_VALUE, CLOCK);
    }

    private static MappingResult map(Map<String, List<String>> fields) {
        return mapper(TestRules.rule()).map(fields, Map.of());
    }

    /** Ordered single-value fields: "name", "value", ... */
    private static Map<String, List<String>> fields(String... nameValue) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> attributes(Object... keyValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            m.put((String) keyValue[i], keyValue[i + 1]);
        }
        return m;
    }

    private static Map<String, String> custom(String... keyValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            m.put(keyValue[i], keyValue[i + 1]);
        }
        return m;
    }

    private static void assertPayload(MappingResult result, Map<String, Object> attributes, Map<String, String> custom) {
        assertNull(result.skippedReason());
        assertEquals(List.copyOf(attributes.entrySet()), List.copyOf(result.payload().attributes().entrySet()), "attributes");
        assertEquals(List.copyOf(custom.entrySet()), List.copyOf(result.payload().customFields().entrySet()), "custom_fields");
    }

    @Test
    void mapsInteraktsOwnTimestampExample() {
        MappingResult result = map(fields(
                "email", "test@interakt.com", "name", "test", "city", "Delhi", "country", "India", "age", "25",
                "created_at", "1467875969", "date_of_birth_at", "1467875969", "testing_at", "Interakt",
                "joined_at", "1467875969test", "app_id", "fe61d23f7b3db4d4c5ef8454bdc626ef"));
        assertPayload(result,
                attributes("email", "test@interakt.com", "name", "test", "city", "Delhi", "country", "India",
                        "created_at", 1467875969L, "date_of_birth_at", 1467875969L, "testing_at", "Interakt",
                        "joined_at", "1467875969test"),
                custom("age", "25", "app_id", "fe61d23f7b3db4d4c5ef8454bdc626ef"));
        assertEquals(Target.MEMBERS, result.payload().target());
    }

    static Stream<Arguments> emails() {
        return Stream.of(
                Arguments.of(fields(), null, PayloadMapper.MISSING_EMAIL),
                Arguments.of(fields("name", "Ann"), null, PayloadMapper.MISSING_EMAIL),
                Arguments.of(fields("email", "   "), null, PayloadMapper.MISSING_EMAIL),
                Arguments.of(fields("contact", "ann@example.com"), null, PayloadMapper.MISSING_EMAIL),
                // Not among the rule's aliases, but a built-in one: the defaults are always tried after the rule's.
                Arguments.of(fields("mail", "ann@example.com"), "ann@example.com", null),
                Arguments.of(fields("email", "ann"), null, PayloadMapper.INVALID_EMAIL),
                Arguments.of(fields("email", "ann@example"), null, PayloadMapper.INVALID_EMAIL),
                Arguments.of(fields("email", "ann@example.com\r\nBcc: x@y.co"), null, PayloadMapper.INVALID_EMAIL),
                Arguments.of(fields("email", "  ann@example.com \n"), "ann@example.com", null),
                Arguments.of(fields("EMAIL", "Ann@Example.com"), "Ann@Example.com", null),
                Arguments.of(fields("user[email]", "ann@example.com"), "ann@example.com", null),
                Arguments.of(fields("User.Email", "ann@example.com"), "ann@example.com", null),
                Arguments.of(fields("e-mail", "ann@example.com"), "ann@example.com", null),
                Arguments.of(fields("email", "", "email", "second@example.com"), "second@example.com", null),
                Arguments.of(fields("email_address", "late@example.com", "email", "first@example.com"),
                        "first@example.com", null),
                Arguments.of(fields("email", " ", "user[email]", "ann@example.com"), "ann@example.com", null),
                Arguments.of(fields("email", "a".repeat(60) + "@example.com"), "a".repeat(60) + "@example.com", null));
    }

    @ParameterizedTest
    @MethodSource("emails")
    void requiresAValidEmail(Map<String, List<String>> fields, String email, String reason) {
        MappingResult result = map(fields);
        assertEquals(reason, result.skippedReason());
        assertEquals(email, result.mapped() ? result.payload().email() : null);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of(fields("name", "Ann Lee"), "Ann Lee", Set.of()),
                Arguments.of(fields("first_name", "Ann", "last_name", "Lee"), "Ann Lee", Set.of()),
                Arguments.of(fields("firstName", " Ann ", "lastName", " Lee "), "Ann Lee", Set.of()),
                Arguments.of(fields("user[first_name]", "Ann", "user.last_name", "Lee"), "Ann Lee", Set.of()),
                Arguments.of(fields("first_name", "Ann"), "Ann", Set.of()),
                Arguments.of(fields("last_name", "Lee"), "Lee", Set.of()),
                Arguments.of(fields("full_name", "Ann Lee", "first_name", "X", "last_name", "Y"), "Ann Lee",
                        Set.of("first_name", "last_name")),
                Arguments.of(fields("name", " ", "first_name", "Ann", "last_name", "Lee"), "Ann Lee", Set.of()),
                Arguments.of(fields("first_name", "", "last_name", ""), null, Set.of()),
                Arguments.of(fields(), null, Set.of()));
    }

    @ParameterizedTest
    @MethodSource("names")
    void assemblesTheName(Map<String, List<String>> nameFields, String name, Set<String> customKeys) {
        Map<String, List<String>> all = new LinkedHashMap<>(fields("email", "ann@example.com"));
        all.putAll(nameFields);
        MappingResult result = map(all);
        assertEquals(name, result.payload().attributes().get("name"));
        assertEquals(customKeys, result.payload().customFields().keySet(), "only unused fields remain custom");
    }

    @Test
    void fieldsUsedForNameAreNotRepeatedButUnusedOnesStay() {
        MappingResult result = map(fields("email", "ann@example.com", "name", "Ann Lee", "first_name", "Ann"));
        assertPayload(result, attributes("email", "ann@example.com", "name", "Ann Lee", "created_at", NOW),
                custom("first_name", "Ann"));
    }

    @Test
    void mapsPhoneCityCountryAndStampsCreatedAt() {
        MappingResult result = map(fields("country", "IN", "mobile", "+91 98765 43210", "address[city]", "Pune",
                "email", "ann@example.com"));
        assertPayload(result, attributes("email", "ann@example.com", "phone", "+91 98765 43210", "city", "Pune",
                "country", "IN", "created_at", NOW), custom());
    }

    @Test
    void keepsTheRequestsCreatedAtAndOrdersTimestampsAfterIt() {
        MappingResult result = map(fields("email", "ann@example.com", "signedup_at", "2024-05-01",
                "created_at", "1467875969123"));
        assertPayload(result, attributes("email", "ann@example.com", "created_at", 1467875969L,
                "signedup_at", 1714521600L), custom());
    }

    @Test
    void nestedValuesOnlyGoToCustomFieldsWithDottedKeys() {
        MappingResult result = map(fields("email", "ann@example.com", "user[address][street]", "1 Main St",
                "company.name", "Acme", "user.joined_at", "1467875969", "tags[]", "a", "tags[]", "b"));
        assertPayload(result, attributes("email", "ann@example.com", "created_at", NOW),
                custom("user.address.street", "1 Main St", "company.name", "Acme", "user.joined_at", "1467875969",
                        "tags", "a, b"));
    }

    @Test
    void sensitiveFieldsNeverReachThePayloadEvenWhenNamedAsAliasOrAllowed() {
        FieldAliases aliases = new FieldAliases(List.of("email"), List.of("name"), List.of(), List.of(),
                List.of("pin", "phone"), List.of(), List.of());
        CaptureRule rule = TestRules.rule(aliases, CustomFieldPolicy.only(List.of("password", "plan", "internal_id")),
                Set.of(), Enrichment.NONE);
        MappingResult result = mapper(rule).map(fields("email", "ann@example.com", "pin", "1234", "password", "hunter2",
                "internal_id", "7", "plan", "pro"), Map.of());
        assertPayload(result, attributes("email", "ann@example.com", "created_at", NOW), custom("plan", "pro"));
    }

    @Test
    void sensitiveEmailFieldNamesAreRefusedToo() {
        FieldAliases aliases = new FieldAliases(List.of("reset_token"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        MappingResult result = mapper(TestRules.rule(aliases, CustomFieldPolicy.allNonSensitive(), Set.of(),
                Enrichment.NONE)).map(fields("reset_token", "ann@example.com"), Map.of());
        assertEquals(PayloadMapper.MISSING_EMAIL, result.skippedReason());
    }

    static Stream<Arguments> policies() {
        Map<String, List<String>> form = fields("email", "ann@example.com", "plan", "pro", "Company", "Acme",
                "user[role]", "admin", "password", "x", "utm_source", "ad", "date_of_birth_at", "2000-01-01");
        return Stream.of(
                Arguments.of("all non-sensitive", CustomFieldPolicy.allNonSensitive(), Set.of(), form,
                        attributes("email", "ann@example.com", "created_at", NOW, "date_of_birth_at", 946684800L),
                        custom("plan", "pro", "Company", "Acme", "user.role", "admin", "utm_source", "ad")),
                Arguments.of("only listed, any case or spelling", CustomFieldPolicy.only(List.of("PLAN", "user.role",
                        "missing")), Set.of(), form,
                        attributes("email", "ann@example.com", "created_at", NOW),
                        custom("plan", "pro", "user.role", "admin")),
                Arguments.of("only, with a glob", CustomFieldPolicy.only(List.of("utm_*", "*_at")), Set.of(), form,
                        attributes("email", "ann@example.com", "created_at", NOW, "date_of_birth_at", 946684800L),
                        custom("utm_source", "ad")),
                Arguments.of("nothing custom", CustomFieldPolicy.only(List.of()), Set.of(), form,
                        attributes("email", "ann@example.com", "created_at", NOW), custom()),
                Arguments.of("all minus exclude", CustomFieldPolicy.allNonSensitive(), Set.of("company", "user[role]",
                        "utm_*"), form,
                        attributes("email", "ann@example.com", "created_at", NOW, "date_of_birth_at", 946684800L),
                        custom("plan", "pro")),
                Arguments.of("exclude beats only", CustomFieldPolicy.only(List.of("plan")), Set.of("plan"), form,
                        attributes("email", "ann@example.com", "created_at", NOW), custom()),
                Arguments.of("exclude applies to standard attributes", CustomFieldPolicy.allNonSensitive(), Set.of("city"),
                        fields("email", "ann@example.com", "city", "Pune"),
                        attributes("email", "ann@example.com", "created_at", NOW), custom()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void appliesTheCustomFieldPolicy(String description, CustomFieldPolicy policy, Set<String> exclude,
                                     Map<String, List<String>> form, Map<String, Object> attributes,
                                     Map<String, String> custom) {
        MappingResult result = mapper(TestRules.rule(policy, exclude, Enrichment.NONE)).map(form, Map.of());
        assertPayload(result, attributes, custom);
    }

    @Test
    void trimsCapsDropsBlanksAndCleansNames() {
        List<String> withNull = Arrays.asList(null, " ", "kept");
        Map<String, List<String>> form = new LinkedHashMap<>(fields("email", "ann@example.com",
                "bio", "  " + "x".repeat(80) + "  ", "empty", "   ", "plan\r\nX-Injected", "pro",
                "x".repeat(200), "long name", "emoji", "a".repeat(MAX_VALUE - 1) + "\uD83D\uDE00", "city", "y".repeat(80)));
        form.put("maybe", withNull);
        form.put("nothing", null);
        MappingResult result = map(form);
        assertPayload(result, attributes("email", "ann@example.com", "city", "y".repeat(MAX_VALUE), "created_at", NOW),
                custom("bio", "x".repeat(MAX_VALUE), "planX-Injected", "pro",
                        "x".repeat(FieldNames.MAX_NAME_LENGTH), "long name", "emoji", "a".repeat(MAX_VALUE - 1),
                        "maybe", "kept"));
    }

    @Test
    void sameFieldInTwoSpellingsIsOneField() {
        MappingResult result = map(fields("email", "ann@example.com", "user[plan]", "pro", "user.plan", "team"));
        assertPayload(result, attributes("email", "ann@example.com", "created_at", NOW), custom("user.plan", "pro, team"));
    }

    @Test
    void addsEnrichmentFromTheRequestContext() {
        Enrichment all = new Enrichment(true, "X-Forwarded-For", true, true, true, true);
        Map<String, String> context = Map.of(
                "x-forwarded-for", " 203.0.113.7 , 10.0.0.1",
                "remote-addr", "10.0.0.1",
                "user-agent", "Mozilla/5.0",
                "referer", "https://user:pw@ads.example.com/landing?token=abc#top",
                "request-url", "https://app.example.com/signup?reset_token=x",
                "cookie:utm_medium", "cpc",
                "cookie:utm_source", "cookie-source");
        MappingResult result = mapper(TestRules.rule(CustomFieldPolicy.only(List.of()), Set.of(), all))
                .map(fields("email", "ann@example.com", "utm_source", "newsletter"), context);
        assertPayload(result, attributes("email", "ann@example.com", "created_at", NOW),
                custom("signup_ip", "203.0.113.7", "signup_user_agent", "Mozilla/5.0",
                        "signup_referrer", "https://ads.example.com/landing",
                        "signup_page_url", "https://app.example.com/signup",
                        "utm_source", "newsletter", "utm_medium", "cpc"));
    }

    @Test
    void enrichmentUsesTheSocketPeerWithoutATrustedHeaderAndNeverOverwritesFormFields() {
        Enrichment ipAndUtm = new Enrichment(true, null, false, false, true, false);
        MappingResult result = mapper(TestRules.rule(CustomFieldPolicy.allNonSensitive(), Set.of("utm_campaign"), ipAndUtm))
                .map(fields("email", "ann@example.com", "signup_ip", "typed by the user"),
                        Map.of("x-forwarded-for", "1.2.3.4", "remote-addr", "198.51.100.2",
                                "cookie:utm_campaign", "spring"));
        assertPayload(result, attributes("email", "ann@example.com", "created_at", NOW),
                custom("signup_ip", "typed by the user"));
    }

    @Test
    void enrichmentOffAddsNothing() {
        MappingResult result = mapper(TestRules.rule()).map(fields("email", "ann@example.com"),
                Map.of("user-agent", "Mozilla/5.0", "remote-addr", "198.51.100.2"));
        assertTrue(result.payload().customFields().isEmpty());
    }

    @Test
    void toleratesMissingPolicyEnrichmentAndContext() {
        CaptureRule rule = TestRules.rule(TestRules.ALIASES, null, Set.of(), null);
        MappingResult result = mapper(rule).map(fields("email", "ann@example.com", "plan", "pro"), null);
        assertPayload(result, attributes("email", "ann@example.com", "created_at", NOW), custom("plan", "pro"));
    }

    @Test
    void leadsKeepTheirTarget() {
        CaptureRule leads = new CaptureRule("lead", List.of(), Set.of("POST"), Target.LEADS, TestRules.ALIASES,
                CustomFieldPolicy.allNonSensitive(), Set.of(), co.interakt.capture.config.StatusRanges.DEFAULT,
                Enrichment.NONE);
        assertEquals(Target.LEADS, mapper(leads).map(fields("email", "ann@example.com"), Map.of()).payload().target());
    }

    @Test
    void spellingsOfOneFieldAreJoinedWithoutTouchingTheRequestsLists() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("email", List.of("ann@example.com"));
        List<String> bracketed = new ArrayList<>(List.of("a", "b"));
        form.put("tags[]", bracketed);
        form.put("Tags", List.of("c"));
        form.put("TAGS", List.of(" ", "d"));
        assertPayload(map(form), attributes("email", "ann@example.com", "created_at", NOW), custom("tags", "a, b, c, d"));
        assertEquals(List.of("a", "b"), bracketed);
    }
}
