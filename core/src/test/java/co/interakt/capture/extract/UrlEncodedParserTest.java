package co.interakt.capture.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding paths of the urlencoded parser: plain text, unescaping, and the charset step after it. */
class UrlEncodedParserTest {

    private static Map<String, List<String>> parse(byte[] bytes, Charset charset) {
        FieldCollector out = new FieldCollector();
        UrlEncodedParser.parse(bytes, 0, bytes.length, charset, out);
        return out.toMap();
    }

    private static Map<String, List<String>> parse(String form) {
        return parse(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void plainAndEscapedValuesInAnyOrderAndLength() {
        // A long escaped value, then a shorter one: the reused buffer must not leak the longer one's tail.
        assertEquals(Map.of("a", List.of("x y z w v u"), "b", List.of("p q"), "c", List.of("plain"), "d", List.of("@")),
                parse("a=x+y+z+w+v+u&b=p+q&c=plain&d=%40"));
        assertEquals(Map.of("user[email]", List.of("ann@example.com")), parse("user%5Bemail%5D=ann%40example.com"));
    }

    @Test
    void percentEncodedAndRawUtf8() {
        assertEquals(Map.of("name", List.of("J\u00fcrgen"), "city", List.of("M\u00fcnchen"), "cur", List.of("\u20ac 5")),
                parse("name=J%C3%BCrgen&city=M\u00fcnchen&cur=%E2%82%AC+5"));
    }

    @Test
    void invalidUtf8IsRefusedEscapedOrRaw() {
        ExtractionFailure escaped = assertThrows(ExtractionFailure.class, () -> parse("name=ok+then+%C3%28"));
        assertEquals(SkipReasons.INVALID_ENCODING, escaped.reason());
        byte[] raw = {'n', '=', 'a', (byte) 0xFF, 'b'};
        ExtractionFailure unescaped = assertThrows(ExtractionFailure.class, () -> parse(raw, StandardCharsets.UTF_8));
        assertEquals(SkipReasons.INVALID_ENCODING, unescaped.reason());
    }

    @Test
    void iso88591BodyEscapedOrRaw() {
        byte[] body = "city=M%FCnchen&x=\u00e9t\u00e9&y=plain".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Map.of("city", List.of("M\u00fcnchen"), "x", List.of("\u00e9t\u00e9"), "y", List.of("plain")),
                parse(body, StandardCharsets.ISO_8859_1));
    }

    @Test
    void nonAsciiInAnAsciiBodyIsRefused() {
        byte[] body = "a=caf%E9".getBytes(StandardCharsets.US_ASCII);
        assertThrows(ExtractionFailure.class, () -> parse(body, StandardCharsets.US_ASCII));
        assertEquals(Map.of("a", List.of("cafe")), parse("a=cafe".getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    }

    @Test
    void everyByteAfterAPercentIsAHexDigitExactlyWhenCharacterDigitSaysSo() {
        for (int b = 0; b < 256; b++) {
            byte[] form = {'a', '=', '%', (byte) b, 'F', '%', 'F', (byte) b};
            int digit = Character.digit((char) b, 16);
            if (b >= 0x80 || digit < 0) {
                ExtractionFailure failure = assertThrows(ExtractionFailure.class, () -> parse(form, StandardCharsets.ISO_8859_1));
                assertEquals(SkipReasons.BAD_PERCENT_ENCODING, failure.reason(), "byte " + b);
            } else {
                String expected = new String(new byte[] {(byte) (digit << 4 | 0xF), (byte) (0xF0 | digit)}, StandardCharsets.ISO_8859_1);
                assertEquals(Map.of("a", List.of(expected)), parse(form, StandardCharsets.ISO_8859_1), "byte " + b);
            }
        }
    }
}
