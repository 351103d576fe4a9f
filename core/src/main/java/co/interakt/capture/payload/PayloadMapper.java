package co.interakt.capture.payload;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.config.FieldAliases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns extracted fields into an Interakt payload for one {@link CaptureRule}. Built once per rule
 * (aliases and patterns are normalised up front), then {@link #map} is called per request and is
 * thread-safe.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Sensitive fields (built-in deny-list and extras) and the rule's {@code exclude} patterns are
 *       dropped first, so they can feed neither an attribute nor a custom field.</li>
 *   <li>Names match aliases ignoring case, with {@code user[email]} equal to {@code user.email};
 *       fields with the same such name are one field. The first alias with a non-blank value
 *       wins, and that field's first non-blank value is used. The rule's aliases come first, then
 *       the built-in full names ({@link FieldAliases#DEFAULTS}), then leaf names
 *       ({@link FieldAliases#LEAVES}): a field whose last segment is a known alias, preferring one
 *       beside the email field ({@code account.name} next to {@code account.email}), never one
 *       under a {@link FieldAliases#FOREIGN_PARENTS foreign parent} such as {@code company}.</li>
 *   <li>{@code email}: required ({@code missing-email}) and syntactically valid
 *       ({@code invalid-email}), trimmed, never cut. {@code name}: a name alias, else first and
 *       last name joined by a space. Then {@code phone}, {@code city}, {@code country}.</li>
 *   <li>Every other field the {@link CustomFieldPolicy} allows: a top-level name ending in
 *       {@code _at} becomes a top-level attribute normalised by {@link Timestamps} (as in Interakt's
 *       own example); any other goes into {@code custom_fields} under its dotted name, its
 *       non-blank values joined by {@code ", "}. A field used for a standard attribute is not
 *       repeated.</li>
 *   <li>{@code created_at}: the capture time in Unix seconds unless the request had one.</li>
 *   <li>Enrichment ({@link ContextFields}) adds to {@code custom_fields} what is not there yet.</li>
 * </ol>
 * Values are trimmed; blank ones count as absent (Interakt refuses nulls); values are cut to
 * {@code maxValueLength} characters and names to {@link FieldNames#MAX_NAME_LENGTH}.
 * Attribute order: {@code email}, {@code name}, {@code phone}, {@code city}, {@code country},
 * {@code created_at}, then other {@code _at} attributes.
 */
public final class PayloadMapper {
    public static final String MISSING_EMAIL = "missing-email";
    public static final String INVALID_EMAIL = "invalid-email";
    /** Bounds of the per-rule cache of what each field name becomes (see {@link NameCache}). */
    static final int CACHED_NAMES = 1_024;
    static final int CACHED_NAME_LENGTH = FieldNames.MAX_NAME_LENGTH;

    private final CaptureRule rule;
    private final SensitiveFields sensitive;
    private final int maxValueLength;
    private final Clock clock;
    private final List<String> emailAliases;
    private final List<String> nameAliases;
    private final List<String> firstNameAliases;
    private final List<String> lastNameAliases;
    private final List<String> phoneAliases;
    private final List<String> cityAliases;
    private final List<String> countryAliases;
    private final FieldAliases leaves;
    private final List<Glob> exclude;
    private final List<Glob> allowedCustom; // null = every non-sensitive field
    private final Enrichment enrichment;
    private final NameCache<MappedName> names = new NameCache<>(CACHED_NAMES, CACHED_NAME_LENGTH, this::resolve);

    public PayloadMapper(CaptureRule rule, SensitiveFields sensitive, int maxValueLength, Clock clock) {
        this.rule = rule;
        this.sensitive = sensitive;
        this.maxValueLength = maxValueLength;
        this.clock = clock;
        FieldAliases aliases = rule.aliases().followedBy(FieldAliases.DEFAULTS);
        this.emailAliases = matchKeys(aliases.email());
        this.nameAliases = matchKeys(aliases.name());
        this.firstNameAliases = matchKeys(aliases.firstName());
        this.lastNameAliases = matchKeys(aliases.lastName());
        this.phoneAliases = matchKeys(aliases.phone());
        this.cityAliases = matchKeys(aliases.city());
        this.countryAliases = matchKeys(aliases.country());
        this.leaves = FieldAliases.LEAVES;
        this.exclude = globs(rule.exclude());
        CustomFieldPolicy policy = rule.customFields();
        this.allowedCustom = policy == null || policy.all() ? null : globs(policy.names());
        this.enrichment = rule.enrichment() == null ? Enrichment.NONE : rule.enrichment();
    }

    /**
     * What a raw field name becomes under this rule: dropped (sensitive, excluded or empty), or the
     * key it is matched under, the key it is written under, and whether it may be a custom field.
     */
    record MappedName(String matchKey, String payloadKey, boolean customAllowed, String parent, String leaf, boolean leafMatchable) {
        static final MappedName DROPPED = new MappedName(null, null, false, null, null, false);

        MappedName(String matchKey, String payloadKey, boolean customAllowed) {
            this(matchKey, payloadKey, customAllowed, parentOf(matchKey), leafOf(matchKey), PayloadMapper.isLeafMatchable(matchKey));
        }

        boolean dropped() {
            return matchKey == null;
        }
    }

    /** One request field after filtering: its payload key, and all values of every spelling of it. */
    private static final class Field {
        final MappedName name;
        // The request's own list (never modified) until a second spelling of the name adds to it.
        List<String> values;
        boolean copied;
        boolean used;

        Field(MappedName name, List<String> values) {
            this.name = name;
            this.values = values;
        }

        /** The value used for an attribute; marks the field used so it is not a custom field too. */
        String take() {
            used = true;
            return Values.firstNonBlank(values);
        }

        boolean hasValue() {
            return !used && Values.firstNonBlank(values) != null;
        }

        void addAll(List<String> more) {
            if (!copied) {
                values = new ArrayList<>(values);
                copied = true;
            }
            values.addAll(more);
        }
    }

    public MappingResult map(Map<String, List<String>> fields, Map<String, String> context) {
        return map(fields, context, false);
    }

    /**
     * As {@link #map(Map, Map)}; with {@code explain}, the result also says which field (its name)
     * fed each standard attribute, for the decision trace.
     */
    public MappingResult map(Map<String, List<String>> fields, Map<String, String> context, boolean explain) {
        Map<String, String> sources = explain ? new LinkedHashMap<>() : null;
        Map<String, Field> byMatchKey = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            String raw = e.getKey();
            if (raw == null || e.getValue() == null) {
                continue;
            }
            MappedName name = mappedName(raw);
            if (name.dropped()) {
                continue;
            }
            Field field = byMatchKey.get(name.matchKey());
            if (field == null) {
                byMatchKey.put(name.matchKey(), new Field(name, e.getValue()));
            } else {
                field.addAll(e.getValue());
            }
        }

        Field emailField = find(byMatchKey, emailAliases, leaves.email(), null);
        if (emailField == null) {
            return MappingResult.skipped(MISSING_EMAIL, sources);
        }
        String email = emailField.take();
        if (!EmailAddress.isValid(email)) {
            // The name only (never the value): it tells the user which field was taken for the email.
            return MappingResult.skipped(INVALID_EMAIL, Map.of("email", emailField.name.payloadKey()));
        }
        note(sources, "email", emailField);
        String anchor = emailField.name.parent();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", email);
        putCapped(attributes, "name", name(byMatchKey, anchor, sources));
        putCapped(attributes, "phone", take(byMatchKey, phoneAliases, leaves.phone(), anchor, sources, "phone"));
        putCapped(attributes, "city", take(byMatchKey, cityAliases, leaves.city(), anchor, sources, "city"));
        putCapped(attributes, "country", take(byMatchKey, countryAliases, leaves.country(), anchor, sources, "country"));

        Map<String, Object> timestamps = new LinkedHashMap<>();
        Map<String, String> customFields = new LinkedHashMap<>();
        for (Field field : byMatchKey.values()) {
            if (field.used || !field.name.customAllowed()) {
                continue;
            }
            String key = field.name.payloadKey();
            if (key.indexOf('.') < 0 && Timestamps.isTimestampKey(key)) {
                String value = Values.firstNonBlank(field.values);
                if (value != null) {
                    Object normalised = Timestamps.normalise(value);
                    timestamps.putIfAbsent(key, normalised instanceof String s ? cap(s) : normalised);
                }
            } else {
                String joined = Values.joinNonBlank(field.values);
                if (joined != null) {
                    customFields.putIfAbsent(key, cap(joined));
                }
            }
        }
        Object createdAt = timestamps.remove("created_at");
        attributes.put("created_at", createdAt != null ? createdAt : clock.instant().getEpochSecond());
        attributes.putAll(timestamps);

        if (enrichment.any()) {
            ContextFields.collect(enrichment, context, matchKey -> firstValue(byMatchKey, matchKey))
                    .forEach((key, value) -> {
                        if (!matches(exclude, key)) {
                            customFields.putIfAbsent(key, cap(value));
                        }
                    });
        }
        return MappingResult.of(new InteraktPayload(rule.target(),
                Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(customFields)), sources);
    }

    /** A full name, else first and last name; each first by full names, then by leaf names. */
    private String name(Map<String, Field> byMatchKey, String anchor, Map<String, String> sources) {
        Field full = find(byMatchKey, nameAliases, List.of(), anchor);
        if (full != null) {
            note(sources, "name", full);
            return full.take();
        }
        Field first = find(byMatchKey, firstNameAliases, List.of(), anchor);
        Field last = find(byMatchKey, lastNameAliases, List.of(), anchor);
        if (first == null && last == null) {
            Field leaf = find(byMatchKey, List.of(), leaves.name(), anchor);
            if (leaf != null) {
                note(sources, "name", leaf);
                return leaf.take();
            }
            first = find(byMatchKey, List.of(), leaves.firstName(), anchor);
            last = find(byMatchKey, List.of(), leaves.lastName(), anchor);
        }
        note(sources, "first_name", first);
        note(sources, "last_name", last);
        return joinNames(first == null ? null : first.take(), last == null ? null : last.take());
    }

    private String take(Map<String, Field> byMatchKey, List<String> fullNames, List<String> leafNames, String anchor,
            Map<String, String> sources, String attribute) {
        Field field = find(byMatchKey, fullNames, leafNames, anchor);
        if (field == null) {
            return null;
        }
        note(sources, attribute, field);
        return field.take();
    }

    private static void note(Map<String, String> sources, String attribute, Field field) {
        if (sources != null && field != null) {
            sources.put(attribute, field.name.payloadKey());
        }
    }

    /** What {@code raw} becomes under this rule; the same for every request, so cached. */
    MappedName mappedName(String raw) {
        return names.get(raw);
    }

    int cachedNames() {
        return names.size();
    }

    private MappedName resolve(String raw) {
        if (sensitive.isSensitive(raw)) {
            return MappedName.DROPPED;
        }
        String matchKey = FieldNames.matchKey(raw);
        if (matchKey.isEmpty() || matches(exclude, matchKey)) {
            return MappedName.DROPPED;
        }
        String payloadKey = FieldNames.payloadKey(raw);
        // The usual name is its own payload and match key: keep one string, the cache holds it anyway.
        payloadKey = payloadKey.equals(raw) ? raw : payloadKey;
        matchKey = matchKey.equals(payloadKey) ? payloadKey : matchKey;
        return new MappedName(matchKey, payloadKey, allowedCustom == null || matches(allowedCustom, matchKey));
    }

    /**
     * The field of the first full name present with a non-blank value; else the field of the first
     * leaf name, one beside {@code anchor} (the email field's parent) before any other, in request order.
     */
    private static Field find(Map<String, Field> byMatchKey, List<String> fullNames, List<String> leafNames, String anchor) {
        for (String alias : fullNames) {
            Field field = byMatchKey.get(alias);
            if (field != null && field.hasValue()) {
                return field;
            }
        }
        if (leafNames.isEmpty()) {
            return null;
        }
        if (anchor != null) {
            Field beside = findLeaf(byMatchKey, leafNames, anchor);
            if (beside != null) {
                return beside;
            }
        }
        return findLeaf(byMatchKey, leafNames, null);
    }

    private static Field findLeaf(Map<String, Field> byMatchKey, List<String> leafNames, String parent) {
        for (String leaf : leafNames) {
            for (Field field : byMatchKey.values()) {
                MappedName name = field.name;
                if (name.leafMatchable() && leaf.equals(name.leaf()) && (parent == null || parent.equals(name.parent()))
                        && field.hasValue()) {
                    return field;
                }
            }
        }
        return null;
    }

    static String parentOf(String matchKey) {
        int dot = matchKey == null ? -1 : matchKey.lastIndexOf('.');
        return dot < 0 ? "" : matchKey.substring(0, dot);
    }

    static String leafOf(String matchKey) {
        int dot = matchKey == null ? -1 : matchKey.lastIndexOf('.');
        return dot < 0 ? matchKey : matchKey.substring(dot + 1);
    }

    /** Not under a foreign parent such as {@code company} (its direct parent segment decides). */
    static boolean isLeafMatchable(String matchKey) {
        String parent = parentOf(matchKey);
        String direct = leafOf(parent);
        return direct == null || !FieldAliases.FOREIGN_PARENTS.contains(direct);
    }

    private static String firstValue(Map<String, Field> byMatchKey, String matchKey) {
        Field field = byMatchKey.get(matchKey);
        return field == null ? null : Values.firstNonBlank(field.values);
    }

    private static String joinNames(String first, String last) {
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private void putCapped(Map<String, Object> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, cap(value));
        }
    }

    private String cap(String value) {
        return Values.cap(value, maxValueLength);
    }

    private static boolean matches(List<Glob> globs, String matchKey) {
        for (Glob glob : globs) {
            if (glob.matches(matchKey)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> matchKeys(List<String> names) {
        List<String> keys = new ArrayList<>(names.size());
        for (String n : names) {
            String key = FieldNames.matchKey(n);
            if (!key.isEmpty() && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    private static List<Glob> globs(Iterable<String> patterns) {
        List<Glob> out = new ArrayList<>();
        for (String p : patterns) {
            if (p != null && !p.isBlank()) {
                out.add(Glob.of(p.trim()));
            }
        }
        return List.copyOf(out);
    }
}
