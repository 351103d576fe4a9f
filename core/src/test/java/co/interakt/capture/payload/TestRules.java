package co.interakt.capture.payload;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.config.FieldAliases;
import co.interakt.capture.config.StatusRanges;
import co.interakt.capture.config.Target;
import java.util.List;
import java.util.Set;

/** Capture rules for tests, built directly (no path patterns: mapping does not look at paths). */
public final class TestRules {
    public static final FieldAliases ALIASES = new FieldAliases(
            List.of("email", "user[email]", "e-mail", "email_address", "emailAddress"),
            List.of("name", "full_name", "fullName"),
            List.of("first_name", "firstName", "user[first_name]"),
            List.of("last_name", "lastName", "user[last_name]"),
            List.of("phone", "phone_number", "mobile"),
            List.of("city", "address.city"),
            List.of("country"));

    private TestRules() {
    }

    public static CaptureRule rule() {
        return rule(CustomFieldPolicy.allNonSensitive(), Set.of(), Enrichment.NONE);
    }

    public static CaptureRule rule(CustomFieldPolicy policy, Set<String> exclude, Enrichment enrichment) {
        return rule(ALIASES, policy, exclude, enrichment);
    }

    public static CaptureRule rule(FieldAliases aliases, CustomFieldPolicy policy, Set<String> exclude, Enrichment enrichment) {
        return new CaptureRule("signup", List.of(), Set.of("POST"), Target.MEMBERS, aliases, policy, exclude,
                StatusRanges.DEFAULT, enrichment);
    }
}
