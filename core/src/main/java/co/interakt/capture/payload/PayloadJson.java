package co.interakt.capture.payload;

/** Writes an {@link InteraktPayload} as JSON with jackson-core's streaming generator. */
final class PayloadJson {
    // TODO(extraction helper): implement with com.fasterxml.jackson.core.JsonGenerator.
    private PayloadJson() {
    }

    static byte[] write(InteraktPayload payload) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
