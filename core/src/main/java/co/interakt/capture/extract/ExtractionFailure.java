package co.interakt.capture.extract;

/**
 * Internal control flow of the parsers: carries a {@link SkipReasons} name up to
 * {@link FieldExtractor}, which turns it into {@link Extraction#skipped}. The message is the reason
 * only, never input, and no stack trace is filled in: it is expected, not exceptional.
 */
final class ExtractionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExtractionFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
