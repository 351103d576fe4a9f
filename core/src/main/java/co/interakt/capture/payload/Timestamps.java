package co.interakt.capture.payload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Interakt's rule for attributes whose name ends in {@code _at}: a value that is a Unix time
 * becomes a date, anything else is stored as the string it is. We send Unix seconds ({@link Long})
 * for:
 * <ul>
 *   <li>integers, as numbers or numeric strings ({@code 1467875969}, {@code "-86400"}); a decimal
 *       fraction is dropped. Magnitudes of 12 digits or more are milliseconds (as seconds they would
 *       be past the year 5000; as milliseconds they are 1973 or later) and are divided by 1,000;</li>
 *   <li>ISO-8601 dates ({@code 2024-05-01}, midnight UTC) and date-times with an offset, {@code Z}
 *       or a zone; a local date-time ({@code 2024-05-01T10:00}, also with a space) is taken as UTC.</li>
 * </ul>
 * Everything else ({@code 1467875969test}, {@code Interakt}, {@code 1.4E9}) stays a string.
 */
public final class Timestamps {
    /** From this magnitude on, an integer is read as epoch milliseconds. */
    static final long MILLIS_FROM = 100_000_000_000L;

    private static final int MAX_INTEGER_DIGITS = 18; // always fits a long

    private Timestamps() {
    }

    /** Whether Interakt treats an attribute as a timestamp: its name ends in {@code _at}. */
    public static boolean isTimestampKey(String key) {
        return key.toLowerCase(Locale.ROOT).endsWith("_at");
    }

    /** A {@link Long} of Unix seconds, or the (trimmed) value itself when it is not a time. */
    public static Object normalise(String value) {
        String v = value.trim();
        Long seconds = fromNumber(v);
        if (seconds == null) {
            seconds = fromIsoDate(v);
        }
        return seconds != null ? seconds : v;
    }

    private static Long fromNumber(String v) {
        int i = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        int digitsStart = i;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        int digitsEnd = i;
        if (digitsEnd == digitsStart || digitsEnd - digitsStart > MAX_INTEGER_DIGITS) {
            return null;
        }
        if (i < v.length()) {
            // only ".<digits>" may follow; the fraction is ignored
            if (v.charAt(i) != '.' || i + 1 == v.length()) {
                return null;
            }
            for (int k = i + 1; k < v.length(); k++) {
                if (v.charAt(k) < '0' || v.charAt(k) > '9') {
                    return null;
                }
            }
        }
        long n = Long.parseLong(v.substring(digitsStart, digitsEnd));
        if (v.charAt(0) == '-') {
            n = -n;
        }
        return Math.abs(n) >= MILLIS_FROM ? Math.floorDiv(n, 1000L) : n;
    }

    private static Long fromIsoDate(String v) {
        if (v.length() < 10 || v.length() > 64 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            String iso = v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
            if (t instanceof ZonedDateTime zoned) {
                return zoned.toEpochSecond();
            }
            return ((LocalDateTime) t).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
