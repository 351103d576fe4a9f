package co.interakt.capture.config;

/**
 * The range a numeric key accepts, stated once: the key's description, the validation and the
 * error messages are all derived from it.
 *
 * @param min   the smallest accepted value
 * @param max   the largest accepted value
 * @param bytes the value is a byte size (shown as {@code 64KiB}, {@code 16MiB}), not a count
 */
public record Limits(long min, long max, boolean bytes) {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    public Limits {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("limits " + min + ".." + max);
        }
    }

    /** A whole number from 1 to {@code max}. */
    public static Limits count(long max) {
        return new Limits(1, max, false);
    }

    /** A byte size from {@code min} to {@code max}. */
    public static Limits size(long min, long max) {
        return new Limits(min, max, true);
    }

    /** How the key table states the range, e.g. {@code at most 16MiB} or {@code 64KiB to 1024MiB}. */
    public String describe() {
        return min == 1 ? "at most " + show(max) : show(min) + " to " + show(max);
    }

    /** One bound as a reader writes it: a count as is, a size in the largest whole unit. */
    public String show(long value) {
        if (!bytes) {
            return Long.toString(value);
        }
        if (value % MIB == 0) {
            return value / MIB + "MiB";
        }
        return value % KIB == 0 ? value / KIB + "KiB" : Long.toString(value);
    }
}
