package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapper's per-name cache changes nothing but speed, and stays bounded whatever names come in. */
class PayloadMapperNameCacheTest {
    private static final List<String> NAMES = List.of(
            "email", "user[email]", "User.Email", "first_name", "firstName", "last_name", "phone", "city",
            "country", "plan", "company", "referral", "message", "password", "csrf_token", "user[cardNumber]",
            "api_key", "apiKey", "monkey", "keyword", "pincode", "internal_notes", "notes.internal_id", "tags[]",
            "signup_at", "created_at", "a..b", "  spaced  ", "[]", ".", "x".repeat(200), "secret".repeat(30),
            "utm_source", "newsletter_opt_in", "Stra\u00dfe", "\u00e9tat", "line\nbreak");

    private static PayloadMapper mapper() {
        return new PayloadMapper(TestRules.rule(CustomFieldPolicy.only(List.of("plan", "company", "utm_*", "*_at", "notes.*")),
                Set.of("*internal*"), Enrichment.NONE),
                SensitiveFields.withExtras(List.of("referral")), 50, Clock.systemUTC());
    }

    @Test
    void cachedAnswersAreTheFreshOnes() {
        PayloadMapper cached = mapper();
        PayloadMapper full = mapper();
        for (int i = 0; i < PayloadMapper.CACHED_NAMES; i++) {
            full.mappedName("filler" + i);
        }
        for (String name : NAMES) {
            PayloadMapper.MappedName fresh = mapper().mappedName(name);
            assertEquals(fresh, cached.mappedName(name), name);
            assertEquals(fresh, cached.mappedName(new String(name)), name + " (from the cache)");
            assertEquals(fresh, full.mappedName(name), name + " (cache full)");
        }
    }

    @Test
    void sameNamesMapTheSameOnEveryRequest() {
        PayloadMapper mapper = mapper();
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String name : NAMES) {
            form.put(name, List.of("v-" + name.length()));
        }
        form.put("email", List.of("ann@example.com"));
        form.put("created_at", List.of("1714557600"));
        MappingResult first = mapper.map(form, Map.of());
        MappingResult second = mapper.map(form, Map.of());
        assertTrue(first.mapped());
        assertEquals(first.payload(), second.payload());
        assertEquals(first.payload(), mapper().map(form, Map.of()).payload());
    }

    @Test
    void aFloodOfDistinctNamesDoesNotGrowTheCachePastItsCap() {
        PayloadMapper mapper = mapper();
        for (int request = 0; request < 20; request++) {
            Map<String, List<String>> form = new LinkedHashMap<>();
            form.put("email", List.of("ann@example.com"));
            for (int i = 0; i < 500; i++) {
                form.put("field_" + request + "_" + i, new ArrayList<>(List.of("x")));
            }
            assertTrue(mapper.map(form, Map.of()).mapped());
        }
        assertEquals(PayloadMapper.CACHED_NAMES, mapper.cachedNames());
    }
}
