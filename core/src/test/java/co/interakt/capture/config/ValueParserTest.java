package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {
    private static final String KEY = "interakt.timeout.connect";

    private static Setting fromEnv(String value) {
        return new Setting(KEY, value, Source.ENVIRONMENT, Source.ENVIRONMENT.describe(KEY, null), false);
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource(textBlock = """
            250ms,  250
            250MS,  250
            5s,     5000
            5 s,    5000
            2m,     120000
            1500,   1500
            ' 7s ', 7000
            """)
    void durations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), ValueParser.duration(fromEnv(text.strip()), false));
    }

    @ParameterizedTest(name = "not a duration: \"{0}\"")
    @ValueSource(strings = {"", "0", "0s", "-5s", "5h", "five", "5.5s", "s", "1e3", "PT5S", "9999999999999"})
    void malformedDurationsNameKeyOriginAndFix(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> ValueParser.duration(fromEnv(text), false));
        assertEquals(KEY, e.key());
        assertTrue(e.getMessage().contains("fix: use milliseconds or a number with ms, s or m"), e.getMessage());
        assertTrue(e.getMessage().contains("INTERAKT_TIMEOUT_CONNECT"), e.getMessage());
    }

    @Test
    void zeroDurationOnlyWhereAllowed() {
        assertEquals(Duration.ZERO, ValueParser.duration(fromEnv("0"), true));
        assertEquals(Duration.ZERO, ValueParser.duration(fromEnv("0s"), true));
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource(textBlock = """
            65536,   65536
            64KiB,   65536
            64kib,   65536
            1MiB,    1048576
            16MiB,   16777216
            10b,     10
            """)
    void sizes(String text, int bytes) {
        assertEquals(bytes, ValueParser.byteSize(fromEnv(text), Limits.size(1, 16 * 1024 * 1024), "64KiB"));
    }

    @ParameterizedTest(name = "not a size: \"{0}\"")
    @ValueSource(strings = {"0", "-1", "17MiB", "64KB", "1GiB", "lots", "99999999999999"})
    void malformedSizes(String text) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ValueParser.byteSize(fromEnv(text), Limits.size(1, 16 * 1024 * 1024), "64KiB"));
        assertTrue(e.getMessage().contains("fix: use bytes, or a size like 64KiB"), e.getMessage());
    }

    @ParameterizedTest(name = "not a count: \"{0}\"")
    @ValueSource(strings = {"0", "-3", "1.5", "11", "ten", "", "99999999999"})
    void positiveIntegersWithinBounds(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> ValueParser.positiveInt(fromEnv(text), Limits.count(10)));
        assertTrue(e.getMessage().contains("fix: use a whole number from 1 to 10"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"true,true", "FALSE,false", "True,true"})
    void booleans(String text, boolean expected) {
        assertEquals(expected, ValueParser.bool(fromEnv(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "on"})
    void malformedBooleans(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> ValueParser.bool(fromEnv(text)));
        assertTrue(e.getMessage().contains("fix: use true or false"), e.getMessage());
    }

    @Test
    void listsAreTrimmedAndSkipEmptyEntries() {
        assertEquals(List.of("a", "user[email]", "b"), ValueParser.list(fromEnv(" a , user[email],, b ,")));
        assertEquals(List.of(), ValueParser.list(fromEnv("")));
        assertEquals(List.of(), ValueParser.list(fromEnv(null)));
    }
}
