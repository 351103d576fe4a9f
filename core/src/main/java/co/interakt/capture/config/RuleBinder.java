package co.interakt.capture.config;

import static co.interakt.capture.config.ConfigKeys.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds and validates the capture rules from {@code interakt.rules} and the {@code interakt.rule.<name>.*} keys. */
final class RuleBinder {
    private static final String RULE_NAME = "[A-Za-z0-9_-]+";
    private static final String HEADER_NAME = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
    private static final List<String> ENRICH_WORDS = List.of("client-ip", "user-agent", "referrer", "utm", "page-url");

    private RuleBinder() {
    }

    /** The rule names, validated: well-formed, unique, and not clashing once turned into env names. */
    static List<String> ruleNames(Setting s) {
        List<String> names = ValueParser.list(s);
        String fix = "list rule names (letters, digits, - and _), e.g. " + RULES.name() + "=signup,newsletter";
        if (names.isEmpty()) {
            throw s.error("no capture rule listed", fix + ", or set " + ENABLED.name() + "=false");
        }
        Map<String, String> byEnvForm = new HashMap<>();
        for (String name : names) {
            if (!name.matches(RULE_NAME)) {
                throw s.error("malformed rule name '" + name + "'", fix);
            }
            String previous = byEnvForm.put(ConfigKey.envName(name), name);
            if (previous != null) {
                throw s.error("rule names '" + previous + "' and '" + name
                        + "' are the same rule (or the same environment variables)", "give each rule a distinct name");
            }
        }
        return List.copyOf(names);
    }

    static CaptureRule bind(LayeredSettings settings, String rule) {
        FieldAliases aliases = new FieldAliases(
                emailAliases(settings.get(RULE_EMAIL_FIELDS, rule)),
                ValueParser.list(settings.get(RULE_NAME_FIELDS, rule)),
                ValueParser.list(settings.get(RULE_FIRST_NAME_FIELDS, rule)),
                ValueParser.list(settings.get(RULE_LAST_NAME_FIELDS, rule)),
                ValueParser.list(settings.get(RULE_PHONE_FIELDS, rule)),
                ValueParser.list(settings.get(RULE_CITY_FIELDS, rule)),
                ValueParser.list(settings.get(RULE_COUNTRY_FIELDS, rule)));
        Setting target = settings.get(RULE_TARGET, rule);
        Setting status = settings.get(RULE_SUCCESS_STATUS, rule);
        return new CaptureRule(
                rule,
                paths(settings.get(RULE_PATHS, rule)),
                methods(settings.get(RULE_METHODS, rule)),
                Target.parse(target.key(), target.value()),
                aliases,
                customFields(settings.get(RULE_CUSTOM_FIELDS, rule)),
                new LinkedHashSet<>(ValueParser.list(settings.get(RULE_EXCLUDE_FIELDS, rule))),
                StatusRanges.parse(status.key(), status.value()),
                enrichment(settings.get(RULE_ENRICH, rule), settings.get(RULE_TRUSTED_PROXY_HEADER, rule)));
    }

    private static List<PathPattern> paths(Setting s) {
        List<String> patterns = ValueParser.list(s);
        if (patterns.isEmpty()) {
            throw s.error("the rule has no path patterns",
                    "set " + s.key() + " to a comma-separated list, e.g. /newsletter,/api/subscribe");
        }
        List<PathPattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            compiled.add(PathPattern.compile(s.key(), p));
        }
        return compiled;
    }

    private static Set<String> methods(Setting s) {
        List<String> methods = ValueParser.list(s);
        String fix = "list HTTP methods, e.g. POST or POST,PUT";
        if (methods.isEmpty()) {
            throw s.error("no HTTP method listed", fix);
        }
        Set<String> upper = new LinkedHashSet<>();
        for (String m : methods) {
            if (!m.matches("[A-Za-z]+")) {
                throw s.error("malformed HTTP method '" + m + "'", fix);
            }
            upper.add(m.toUpperCase(Locale.ROOT));
        }
        return upper;
    }

    private static List<String> emailAliases(Setting s) {
        List<String> aliases = ValueParser.list(s);
        if (aliases.isEmpty()) {
            throw s.error("no email field listed (Interakt needs an email, so nothing would be captured)",
                    "list the form's email field names, e.g. email,user[email]");
        }
        return aliases;
    }

    private static CustomFieldPolicy customFields(Setting s) {
        List<String> names = ValueParser.list(s);
        if (names.contains("*")) {
            if (names.size() > 1) {
                throw s.error("'*' mixed with field names", "use * alone (every non-sensitive field) or a list of names");
            }
            return CustomFieldPolicy.allNonSensitive();
        }
        return CustomFieldPolicy.only(names);
    }

    private static Enrichment enrichment(Setting words, Setting proxyHeader) {
        Set<String> on = new LinkedHashSet<>();
        for (String word : ValueParser.list(words)) {
            String w = word.toLowerCase(Locale.ROOT);
            if (!ENRICH_WORDS.contains(w)) {
                throw words.error("unknown enrichment '" + word + "'",
                        "use any of " + String.join(", ", ENRICH_WORDS) + " (comma-separated)");
            }
            on.add(w);
        }
        String header = ValueParser.optional(proxyHeader);
        if (header != null && header.equalsIgnoreCase("none")) {
            header = null;
        }
        if (header != null && !header.matches(HEADER_NAME)) {
            throw proxyHeader.error("malformed header name '" + header + "'",
                    "use a header name such as X-Forwarded-For, or none");
        }
        return new Enrichment(on.contains("client-ip"), header, on.contains("user-agent"), on.contains("referrer"),
                on.contains("utm"), on.contains("page-url"));
    }
}
