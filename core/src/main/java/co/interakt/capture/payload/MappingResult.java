package co.interakt.capture.payload;

import java.util.Map;

/**
 * A payload, or the reason there is none (e.g. {@code missing-email}, {@code invalid-email}).
 *
 * @param sources which field (its payload name, never its value) fed each standard attribute
 *                ({@code email}, {@code name}, {@code first_name}, ...): filled when the mapping was
 *                asked to explain itself, and for {@code invalid-email} (the field taken as the email);
 *                otherwise {@code null}
 */
public record MappingResult(InteraktPayload payload, String skippedReason, Map<String, String> sources) {

    public static MappingResult of(InteraktPayload payload) {
        return new MappingResult(payload, null, null);
    }

    public static MappingResult of(InteraktPayload payload, Map<String, String> sources) {
        return new MappingResult(payload, null, sources);
    }

    public static MappingResult skipped(String reason) {
        return new MappingResult(null, reason, null);
    }

    public static MappingResult skipped(String reason, Map<String, String> sources) {
        return new MappingResult(null, reason, sources);
    }

    public boolean mapped() {
        return payload != null;
    }
}
