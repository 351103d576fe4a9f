package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "plan, plan, true",
        "plan, plans, false",
        "Plan, plan, true",
        "*birth*, date_of_birth, true",
        "*birth*, birthday, true",
        "*birth*, bday, false",
        "utm_*, utm_source, true",
        "utm_*, my_utm_source, false",
        "*_id, user_id, true",
        "*_id, user_idx, false",
        "a*b*c, abc, true",
        "a*b*c, axxbyyc, true",
        "a*b*c, axxbyy, false",
        "*, anything, true",
        "user[note], user.note, true",
    })
    void matches(String pattern, String name, boolean expected) {
        assertEquals(expected, Glob.of(pattern).matches(name));
    }

    @Test
    void manyStarsStayLinear() {
        // A regex of this shape backtracks exponentially; the glob walks it once per star.
        assertFalse(Glob.of("*a*a*a*a*a*a*a*a*a*a*a*a*b").matches("a".repeat(5_000)));
    }
}
