package co.interakt.capture.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one content-type parser the engine and the servlet layer share. */
class ContentTypeTest {

    @Test
    void charsetIsReadQuoteAware() {
        assertEquals("utf-8", ContentType.charset("text/plain; charset=utf-8"));
        assertEquals("ISO-8859-1", ContentType.charset("text/plain; format=\"a;b\"; charset=\"ISO-8859-1\""));
        assertNull(ContentType.charset("text/plain"));
        assertNull(ContentType.charset(null));
    }

    @Test
    void formsAreWhatAContainerParsesIntoParameters() {
        assertTrue(ContentType.isForm("application/x-www-form-urlencoded; charset=UTF-8"));
        assertTrue(ContentType.isForm("Multipart/Form-Data; boundary=x"));
        assertFalse(ContentType.isForm("multipart/mixed; boundary=x"));
        assertFalse(ContentType.isForm("application/json"));
        assertFalse(ContentType.isForm(null));
    }

    @Test
    void multipartAndJsonFamilies() {
        assertTrue(ContentType.isMultipart("multipart/mixed; boundary=x"));
        assertFalse(ContentType.isMultipart("application/json"));
        assertTrue(ContentType.isJson("application/json; charset=utf-8"));
        assertTrue(ContentType.isJson("application/vnd.api+json"));
        assertFalse(ContentType.isJson("text/json-ish"));
        assertFalse(ContentType.isJson(null));
    }
}
