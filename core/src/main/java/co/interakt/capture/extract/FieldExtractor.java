package co.interakt.capture.extract;

/**
 * Pulls form fields out of a {@link CapturedRequest}: query string, urlencoded, multipart (text
 * parts only) and JSON bodies. Never throws: malformed input yields {@link Extraction#skipped}.
 */
public final class FieldExtractor {
    // TODO(extraction helper): implement.
    private final int maxBodyBytes;

    public FieldExtractor(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public Extraction extract(CapturedRequest request) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
