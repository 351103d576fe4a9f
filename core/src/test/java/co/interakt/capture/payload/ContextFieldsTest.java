package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextFieldsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://example.com/signup | https://example.com/signup",
        "https://example.com/signup?token=x | https://example.com/signup",
        "https://example.com/signup#frag?x | https://example.com/signup",
        "https://u:p@example.com/a?b | https://example.com/a",
        "https://u@example.com | https://example.com",
        "https://example.com/path@with-at | https://example.com/path@with-at",
        "/relative?x=1 | /relative",
    })
    void cutsQueryFragmentAndUserInfo(String url, String expected) {
        assertEquals(expected, ContextFields.withoutQuery(url));
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertNull(ContextFields.withoutQuery(null));
    }
}
