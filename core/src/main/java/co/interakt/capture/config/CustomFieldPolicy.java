package co.interakt.capture.config;

import java.util.List;

/**
 * Which fields that are not standard attributes go into {@code custom_fields}.
 *
 * @param all   {@code true}: every field that is not sensitive, not excluded and not already mapped
 * @param names when {@code all} is false: only these field names (an allow-list)
 */
public record CustomFieldPolicy(boolean all, List<String> names) {

    public CustomFieldPolicy {
        names = List.copyOf(names);
    }

    public static CustomFieldPolicy allNonSensitive() {
        return new CustomFieldPolicy(true, List.of());
    }

    public static CustomFieldPolicy only(List<String> names) {
        return new CustomFieldPolicy(false, names);
    }
}
