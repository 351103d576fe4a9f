package co.interakt.capture.config;

import java.util.List;

/**
 * Which incoming field names feed each standard Interakt attribute, first match wins. Names are
 * compared case-insensitively on the whole dotted/bracketed name ({@code user[email]} and
 * {@code user.email} are both written as listed).
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
}
