package co.interakt.capture.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Which incoming field names feed each standard Interakt attribute, first match wins. Names are
 * compared case-insensitively on the whole dotted/bracketed name ({@code user[email]} and
 * {@code user.email} are both written as listed).
 *
 * <p>A rule's aliases are tried first, then the {@link #DEFAULTS} (so listing {@code account.email}
 * does not lose a plain {@code email}), then {@link #LEAVES}: a field whose last segment is one of
 * those ({@code account.email}, {@code customer[email]}, {@code data.attributes.email}) is found
 * with no configuration at all.
 */
public record FieldAliases(
        List<String> email,
        List<String> name,
        List<String> firstName,
        List<String> lastName,
        List<String> phone,
        List<String> city,
        List<String> country) {

    public FieldAliases {
        email = List.copyOf(email);
        name = List.copyOf(name);
        firstName = List.copyOf(firstName);
        lastName = List.copyOf(lastName);
        phone = List.copyOf(phone);
        city = List.copyOf(city);
        country = List.copyOf(country);
    }

    /** The built-in full names: the defaults of the {@code interakt.rule.<name>.*-fields} keys. */
    public static final FieldAliases DEFAULTS = new FieldAliases(
            split(ConfigKeys.RULE_EMAIL_FIELDS.defaultValue()),
            split(ConfigKeys.RULE_NAME_FIELDS.defaultValue()),
            split(ConfigKeys.RULE_FIRST_NAME_FIELDS.defaultValue()),
            split(ConfigKeys.RULE_LAST_NAME_FIELDS.defaultValue()),
            split(ConfigKeys.RULE_PHONE_FIELDS.defaultValue()),
            split(ConfigKeys.RULE_CITY_FIELDS.defaultValue()),
            split(ConfigKeys.RULE_COUNTRY_FIELDS.defaultValue()));

    /** Last segments that identify an attribute anywhere in a nested name (compared ignoring case). */
    public static final FieldAliases LEAVES = new FieldAliases(
            List.of("email", "e-mail", "email_address", "emailaddress", "user_email", "mail"),
            List.of("name", "full_name", "fullname"),
            List.of("first_name", "firstname", "fname", "given_name", "givenname"),
            List.of("last_name", "lastname", "lname", "surname", "family_name", "familyname"),
            List.of("phone", "phone_number", "phonenumber", "mobile", "mobile_number", "mobilenumber", "telephone", "tel"),
            List.of("city", "town"),
            List.of("country", "country_code", "countrycode"));

    /**
     * Parents whose leaves describe someone or something else than the person signing up
     * ({@code company[name]}, {@code referrer.email}): never matched by leaf name, only by full name.
     */
    public static final List<String> FOREIGN_PARENTS = List.of("company", "organization", "organisation", "org",
            "business", "team", "workspace", "employer", "project", "product", "plan", "subscription", "package", "tier",
            "campaign", "referrer", "referral", "inviter");

    /** These aliases followed by those of {@code then} that are not already listed. */
    public FieldAliases followedBy(FieldAliases then) {
        return new FieldAliases(concat(email, then.email), concat(name, then.name), concat(firstName, then.firstName),
                concat(lastName, then.lastName), concat(phone, then.phone), concat(city, then.city), concat(country, then.country));
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> out = new ArrayList<>(first);
        for (String alias : then) {
            if (out.stream().noneMatch(alias::equalsIgnoreCase)) {
                out.add(alias);
            }
        }
        return out;
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
