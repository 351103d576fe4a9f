package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @ParameterizedTest(name = "[{0}] valid={1}")
    @CsvSource(delimiter = '|', value = {
        "ann@example.com | true",
        "Ann.Lee+signup@Example.CO.uk | true",
        "a@b.co | true",
        "o'brien@example.ie | true",
        "user_name-1@sub-domain.example.org | true",
        "j\u00fcrgen@b\u00fccher.de | true",
        "ann@example | false",
        "ann@example.c | false",
        "ann@example.123 | false",
        "annexample.com | false",
        "@example.com | false",
        "ann@ | false",
        "ann@@example.com | false",
        "ann@bob@example.com | false",
        "ann lee@example.com | false",
        "ann@exa mple.com | false",
        ".ann@example.com | false",
        "ann.@example.com | false",
        "an..n@example.com | false",
        "ann@example..com | false",
        "ann@.example.com | false",
        "ann@-example.com | false",
        "ann@example-.com | false",
        "ann@exam_ple.com | false",
        "<ann@example.com> | false",
        "\"ann\"@example.com | false",
        "ann@[127.0.0.1] | false",
    })
    void checksSyntax(String email, boolean valid) {
        assertEquals(valid, EmailAddress.isValid(email));
    }

    @org.junit.jupiter.api.Test
    void refusesControlCharactersAndOverlongAddresses() {
        assertEquals(false, EmailAddress.isValid("ann\r\n@example.com"));
        assertEquals(false, EmailAddress.isValid("ann@example.com\u0000"));
        assertEquals(false, EmailAddress.isValid("a".repeat(65) + "@example.com"));
        assertEquals(true, EmailAddress.isValid("a".repeat(64) + "@example.com"));
        assertEquals(false, EmailAddress.isValid("a@" + "b".repeat(64) + ".com"));
        assertEquals(false, EmailAddress.isValid("a@" + ("b".repeat(60) + ".").repeat(5) + "com"));
        assertEquals(false, EmailAddress.isValid(null));
        assertEquals(false, EmailAddress.isValid(""));
    }
}
