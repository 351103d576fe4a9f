package co.interakt.capture.config;

/**
 * A credential that must never be logged: {@link #toString()} is masked, so an accidental
 * log line or exception message carries no secret. Only the sender calls {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; blank or null yields {@code null} so "not configured" stays easy to test. */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.trim());
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
