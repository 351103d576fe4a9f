package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.config.FieldAliases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fields found by their last segment, with no configuration: precedence, neighbours, foreign parents, the deny-list. */
class PayloadMapperLeafNamesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_714_557_600L), ZoneOffset.UTC);

    private static PayloadMapper mapper(FieldAliases aliases) {
        return new PayloadMapper(TestRules.rule(aliases, CustomFieldPolicy.allNonSensitive(), Set.of(), Enrichment.NONE),
                SensitiveFields.withExtras(List.of()), 255, CLOCK);
    }

    /** The built-in defaults, as a rule with nothing configured has them. */
    private static PayloadMapper defaults() {
        return mapper(FieldAliases.DEFAULTS);
    }

    private static Map<String, List<String>> fields(String... nameValue) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
        }
        return out;
    }

    private static FieldAliases emailOnly(String... email) {
        return new FieldAliases(List.of(email), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"account.email", "customer[email]", "data.attributes.email", "data[attributes][email]",
            "signup.user.emailAddress", "Account.EMAIL", "contact.mail", "member[email_address]"})
    void aNestedEmailIsFoundWithNoConfiguration(String name) {
        MappingResult result = defaults().map(fields(name, "ann@example.com"), Map.of());
        assertEquals("ann@example.com", result.payload().email(), String.valueOf(result.skippedReason()));
    }

    @Test
    void nestedJsonLikeTheIssuesIsMappedWhole() {
        MappingResult result = defaults().map(fields("account.email", "ann@example.com", "account.name", "Ann Lee",
                "account.phone", "+1 555", "account.address.city", "Pune", "account.address.country", "India", "plan", "pro"), Map.of(), true);
        InteraktPayload payload = result.payload();
        assertEquals(Map.of("email", "ann@example.com", "name", "Ann Lee", "phone", "+1 555", "city", "Pune", "country", "India",
                "created_at", 1_714_557_600L), payload.attributes());
        assertEquals(Map.of("plan", "pro"), payload.customFields());
        assertEquals(Map.of("email", "account.email", "name", "account.name", "phone", "account.phone",
                "city", "account.address.city", "country", "account.address.country"), result.sources());
    }

    @Test
    void configuringANestedEmailNoLongerLosesThePlainOne() {
        PayloadMapper mapper = mapper(emailOnly("account.email"));
        assertEquals("plain@example.com", mapper.map(fields("email", "plain@example.com"), Map.of()).payload().email());
        assertEquals("nested@example.com", mapper.map(fields("account.email", "nested@example.com"), Map.of()).payload().email());
    }

    @Test
    void configuredFullNamesComeFirstThenDefaultFullNamesThenLeaves() {
        PayloadMapper mapper = mapper(emailOnly("contact.work_address"));
        Map<String, List<String>> all = fields("profile.email", "leaf@example.com", "email", "default@example.com",
                "contact.work_address", "configured@example.com");
        assertEquals("configured@example.com", mapper.map(all, Map.of()).payload().email());

        all.remove("contact.work_address");
        assertEquals("default@example.com", mapper.map(all, Map.of()).payload().email());

        all.remove("email");
        assertEquals("leaf@example.com", mapper.map(all, Map.of()).payload().email());
    }

    @Test
    void aNameBesideTheEmailWinsOverOneElsewhere() {
        MappingResult result = defaults().map(fields("profile.name", "Elsewhere", "account.email", "ann@example.com",
                "account.full_name", "Ann Lee"), Map.of(), true);
        assertEquals("Ann Lee", result.payload().attributes().get("name"));
        assertEquals("Elsewhere", result.payload().customFields().get("profile.name"));
    }

    @Test
    void firstAndLastLeavesMakeTheName() {
        MappingResult result = defaults().map(fields("customer[email]", "ann@example.com", "customer[given_name]", "Ann",
                "customer[surname]", "Lee"), Map.of(), true);
        assertEquals("Ann Lee", result.payload().attributes().get("name"));
        assertEquals(Map.of("email", "customer.email", "first_name", "customer.given_name", "last_name", "customer.surname"),
                result.sources());
    }

    @Test
    void aCompanysNameOrAReferrersEmailIsNotThePersons() {
        MappingResult result = defaults().map(fields("email", "ann@example.com", "company[name]", "Acme", "team.city", "Oslo"), Map.of());
        assertFalse(result.payload().attributes().containsKey("name"), result.payload().attributes().toString());
        assertFalse(result.payload().attributes().containsKey("city"));
        assertEquals("Acme", result.payload().customFields().get("company.name"));

        assertEquals(PayloadMapper.MISSING_EMAIL, defaults().map(fields("referrer.email", "friend@example.com"), Map.of()).skippedReason());

        MappingResult plan = defaults().map(fields("email", "ann@example.com", "plan.name", "Pro", "product[name]", "Widget"), Map.of());
        assertFalse(plan.payload().attributes().containsKey("name"), plan.payload().attributes().toString());
    }

    @Test
    void theDenyListStillAppliesToTheWholeName() {
        // "password" anywhere in the name: dropped before any alias or leaf is looked at.
        MappingResult result = defaults().map(fields("password_reset.email", "ann@example.com"), Map.of());
        assertEquals(PayloadMapper.MISSING_EMAIL, result.skippedReason());
        MappingResult card = defaults().map(fields("email", "ann@example.com", "card.name", "ANN LEE"), Map.of());
        assertNull(card.payload().attributes().get("name"));
        assertFalse(new String(card.payload().toJson(), java.nio.charset.StandardCharsets.UTF_8).contains("ANN LEE"));
    }

    @Test
    void aLeafIsOnlyTheLastSegment() {
        assertEquals(PayloadMapper.MISSING_EMAIL,
                defaults().map(fields("email.confirmed", "yes", "emails.0", "ann@example.com"), Map.of()).skippedReason());
    }

    @Test
    void withoutExplainNoSourcesAreKept() {
        assertNull(defaults().map(fields("email", "ann@example.com"), Map.of()).sources());
        assertEquals(Map.of("email", "user.email"),
                defaults().map(fields("user.email", "not-an-address"), Map.of()).sources(), "invalid-email names the field taken");
    }
}
