package co.interakt.capture.payload;

/**
 * A payload, or the reason there is none (e.g. {@code missing-email}, {@code invalid-email}).
 */
public record MappingResult(InteraktPayload payload, String skippedReason) {

    public static MappingResult of(InteraktPayload payload) {
        return new MappingResult(payload, null);
    }

    public static MappingResult skipped(String reason) {
        return new MappingResult(null, reason);
    }

    public boolean mapped() {
        return payload != null;
    }
}
