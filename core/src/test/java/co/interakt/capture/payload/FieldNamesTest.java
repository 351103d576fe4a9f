package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "email | email",
        "user[email] | user.email",
        "user.email | user.email",
        "User[Address][City] | User.Address.City",
        "tags[] | tags",
        "user[][email] | user.email",
        "a..b | a.b",
        ".hidden. | hidden",
        "'  spaced name  ' | spaced name",
        "a]b | ab",
    })
    void writesNamesDotted(String raw, String dotted) {
        assertEquals(dotted, FieldNames.dotted(raw));
    }

    @Test
    void matchKeysIgnoreCaseAndBrackets() {
        assertEquals(FieldNames.matchKey("user.email"), FieldNames.matchKey("User[EMAIL]"));
    }

    @Test
    void payloadKeysLoseControlCharactersAndAreCapped() {
        assertEquals("plan", FieldNames.payloadKey("pl\r\nan"));
        assertEquals("ab", FieldNames.payloadKey("a\u0000\u2028b"));
        assertEquals(FieldNames.MAX_NAME_LENGTH, FieldNames.payloadKey("x".repeat(500)).length());
        assertEquals("", FieldNames.dotted(null));
    }
}
