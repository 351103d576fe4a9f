package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatusRangesTest {
    private static final String KEY = "interakt.rule.signup.success-status";

    /** Server-rendered forms: 200 re-renders a rejected form, success redirects (or answers 201). */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "application/x-www-form-urlencoded|302|true",
            "application/x-www-form-urlencoded;charset=UTF-8|303|true",
            "APPLICATION/X-WWW-FORM-URLENCODED|301|true",
            " application/x-www-form-urlencoded|201|true",
            "multipart/form-data; boundary=xyz|302|true",
            "multipart/form-data; boundary=xyz|201|true",
            "application/x-www-form-urlencoded|200|false",
            "multipart/form-data; boundary=xyz|200|false",
            "application/x-www-form-urlencoded|204|false",
            "application/x-www-form-urlencoded|400|false",
            "application/x-www-form-urlencoded|422|false",
            // JSON APIs (and anything else): any 2xx, 4xx on failure.
            "application/json|200|true",
            "application/json|201|true",
            "application/json;charset=UTF-8|204|true",
            "application/vnd.api+json|200|true",
            "application/json|302|false",
            "application/json|400|false",
            "application/json|409|false",
            "text/plain|200|true",
            "application/json|500|false"})
    void autoTellsBothPatternsApart(String contentType, int status, boolean success) {
        assertEquals(success, StatusRanges.DEFAULT.accepts(status, contentType));
    }

    @Test
    void autoWithoutAContentTypeIsTheJsonPattern() {
        assertTrue(StatusRanges.AUTO.accepts(200, null));
        assertFalse(StatusRanges.AUTO.accepts(302, null));
        assertFalse(StatusRanges.AUTO.accepts(-1, null));
    }

    @Test
    void autoIsTheDefaultAndParsesInAnyCase() {
        assertSame(StatusRanges.AUTO, StatusRanges.DEFAULT);
        assertSame(StatusRanges.AUTO, StatusRanges.parse(KEY, " Auto "));
        assertEquals("auto", StatusRanges.AUTO.toString());
        assertTrue(StatusRanges.AUTO.auto());
    }

    @Test
    void explicitRangesIgnoreTheContentType() {
        StatusRanges old = StatusRanges.parse(KEY, "2xx,3xx");
        assertFalse(old.auto());
        assertTrue(old.accepts(200, "application/x-www-form-urlencoded"));
        assertTrue(old.accepts(302, "application/json"));
        assertFalse(old.accepts(400, null));
        assertEquals("2xx,3xx", old.describe("application/json"));
    }

    @Test
    void describeSaysWhatAutoDecidedForThisRequest() {
        assertEquals("auto: a form post counts on 201 or 3xx", StatusRanges.AUTO.describe("multipart/form-data; boundary=a"));
        assertEquals("auto: a JSON or other post counts on 2xx", StatusRanges.AUTO.describe("application/json"));
    }

    @Test
    void autoMixedWithCodesIsRejectedNamingTheKey() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> StatusRanges.parse(KEY, "auto,200"));
        assertTrue(e.getMessage().contains(KEY) && e.getMessage().contains("use auto, or"), e.getMessage());
    }
}
