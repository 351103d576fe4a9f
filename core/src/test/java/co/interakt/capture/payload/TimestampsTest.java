package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampsTest {

    static Stream<Arguments> values() {
        return Stream.of(
                // Interakt's own example
                Arguments.of("1467875969", 1467875969L),
                Arguments.of("1467875969test", "1467875969test"),
                Arguments.of("Interakt", "Interakt"),
                // numbers
                Arguments.of(" 1467875969 ", 1467875969L),
                Arguments.of("1467875969123", 1467875969L),
                Arguments.of("1467875969999", 1467875969L),
                Arguments.of("99999999999", 99999999999L),
                Arguments.of("100000000000", 100000000L),
                Arguments.of("0", 0L),
                Arguments.of("-86400", -86400L),
                Arguments.of("+1467875969", 1467875969L),
                Arguments.of("-1467875969123", -1467875970L),
                Arguments.of("1467875969.75", 1467875969L),
                Arguments.of("1.4678E9", "1.4678E9"),
                Arguments.of("1467875969.", "1467875969."),
                Arguments.of("1467875969.5x", "1467875969.5x"),
                Arguments.of("12345678901234567890", "12345678901234567890"),
                Arguments.of("-", "-"),
                Arguments.of("\u0661\u0662", "\u0661\u0662"),
                // ISO-8601
                Arguments.of("2024-05-01", 1714521600L),
                Arguments.of("2024-05-01T10:00:00Z", 1714557600L),
                Arguments.of("2024-05-01T12:00:00+02:00", 1714557600L),
                Arguments.of("2024-05-01T10:00:00.123Z", 1714557600L),
                Arguments.of("2024-05-01T10:00", 1714557600L),
                Arguments.of("2024-05-01 10:00:00", 1714557600L),
                Arguments.of("2024-05-01T10:00:00Z[UTC]", 1714557600L),
                Arguments.of("2024-02-30", "2024-02-30"),
                Arguments.of("2024-05-01Tnoon", "2024-05-01Tnoon"),
                Arguments.of("2024/05/01", "2024/05/01"),
                Arguments.of("01-05-2024", "01-05-2024"),
                Arguments.of("yesterday", "yesterday"),
                Arguments.of("true", "true"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("values")
    void normalises(String value, Object expected) {
        assertEquals(expected, Timestamps.normalise(value));
    }

    @Test
    void timestampKeysEndInAt() {
        assertTrue(Timestamps.isTimestampKey("created_at"));
        assertTrue(Timestamps.isTimestampKey("Joined_AT"));
        assertFalse(Timestamps.isTimestampKey("format"));
        assertFalse(Timestamps.isTimestampKey("created"));
    }
}
