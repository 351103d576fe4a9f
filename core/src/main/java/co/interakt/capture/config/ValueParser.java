package co.interakt.capture.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of a {@link Setting} into a typed value, or a {@link ConfigException} naming the key and the fix. */
final class ValueParser {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kib|mib)?", Pattern.CASE_INSENSITIVE);

    private ValueParser() {
    }

    static boolean bool(Setting s) {
        String fix = "use true or false";
        String v = required(s, fix).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw s.error(s.shown() + " is not a boolean", fix);
    }

    /** A whole number within the key's {@link Limits}. */
    static int positiveInt(Setting s, Limits limits) {
        long max = limits.max();
        String fix = "use a whole number from 1 to " + max;
        String v = required(s, fix);
        if (v.matches("\\d{1,10}")) {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= max) {
                return (int) atLeastMin(s, n, limits, limits.show(limits.min()));
            }
        }
        throw s.error(s.shown() + " is not a whole number from 1 to " + max, fix);
    }

    /**
     * A byte count: bare bytes, or with {@code KiB} / {@code MiB}; within the key's {@link Limits}.
     *
     * @param example a typical value for the message when the value is below the minimum, e.g. {@code 256MiB}
     */
    static int byteSize(Setting s, Limits limits, String example) {
        long max = limits.max();
        String fix = "use bytes, or a size like 64KiB or 1MiB, between 1 and " + max + " bytes";
        Matcher m = SIZE.matcher(required(s, fix));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1)) * unitBytes(m.group(2));
            if (n >= 1 && n <= max) {
                return (int) atLeastMin(s, n, limits, example);
            }
        }
        throw s.error(s.shown() + " is not a size between 1 and " + max + " bytes", fix);
    }

    /** A value under a minimum above 1 is most likely a unit slip (256 for 256MiB): say so apart from a malformed one. */
    private static long atLeastMin(Setting s, long n, Limits limits, String example) {
        if (n >= limits.min()) {
            return n;
        }
        String unit = limits.bytes() ? "a size with its unit" : "a number";
        throw s.error(s.shown() + " is below " + limits.show(limits.min()),
                "use " + unit + ", e.g. " + example + ", between " + limits.show(limits.min()) + " and "
                        + limits.show(limits.max()));
    }

    /**
     * A duration: {@code 250ms}, {@code 5s}, {@code 2m}, or a bare number of milliseconds.
     *
     * @param zeroAllowed whether {@code 0} is meaningful (e.g. "do not wait")
     */
    static Duration duration(Setting s, boolean zeroAllowed) {
        String fix = "use milliseconds or a number with ms, s or m, e.g. 250ms, 5s, 2m"
                + (zeroAllowed ? "" : "; it must be above 0");
        Matcher m = DURATION.matcher(required(s, fix));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
            Duration d = switch (unit) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofMillis(n);
            };
            if (zeroAllowed || !d.isZero()) {
                return d;
            }
        }
        throw s.error(s.shown() + " is not a valid duration", fix);
    }

    /** A comma-separated list, entries trimmed, empty entries dropped; unset or blank = empty. */
    static List<String> list(Setting s) {
        List<String> items = new ArrayList<>();
        if (s.value() != null) {
            for (String part : s.value().split(",")) {
                String item = part.trim();
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /** The text, or {@code null} when unset or blank (e.g. an optional app id). */
    static String optional(Setting s) {
        return s.value() == null || s.value().isBlank() ? null : s.value();
    }

    private static String required(Setting s, String fix) {
        if (s.value() == null || s.value().isBlank()) {
            throw s.error("empty value" + (s.isDefault() ? "" : " from " + s.origin()), fix);
        }
        return s.value();
    }

    private static long unitBytes(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "kib" -> 1024;
            case "mib" -> 1024 * 1024;
            default -> 1;
        };
    }
}
