package co.interakt.capture.extract;

import static co.interakt.capture.extract.TestRequests.body;
import static co.interakt.capture.extract.TestRequests.containerParsed;
import static co.interakt.capture.extract.TestRequests.form;
import static co.interakt.capture.extract.TestRequests.json;
import static co.interakt.capture.extract.TestRequests.multipart;
import static co.interakt.capture.extract.TestRequests.multipartBody;
import static co.interakt.capture.extract.TestRequests.query;
import static co.interakt.capture.extract.TestRequests.withEncoding;
import static co.interakt.capture.extract.TestRequests.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldExtractorTest {
    private static final int MAX_BODY = 64 * 1024;
    private final FieldExtractor extractor = new FieldExtractor(MAX_BODY);

    /** {"a", "1", "b", "2"} as an ordered single-value field map; a value may be a List for several. */
    private static Map<String, List<String>> fields(Object... nameValue) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            Object v = nameValue[i + 1];
            @SuppressWarnings("unchecked")
            List<String> values = v instanceof List<?> l ? (List<String>) l : List.of((String) v);
            m.put((String) nameValue[i], values);
        }
        return m;
    }

    static Stream<Arguments> wellFormed() {
        String file = "Content-Disposition: form-data; name=\"avatar\"; filename=\"me.png\"\n"
                + "Content-Type: image/png\n\n\u0089PNG email=evil@example.com password=x";
        return Stream.of(
                Arguments.of("query string only", query("email=ann%40example.com&name=Ann+Lee"),
                        fields("email", "ann@example.com", "name", "Ann Lee")),
                Arguments.of("query with leading ?", query("?plan=pro"), fields("plan", "pro")),
                Arguments.of("urlencoded body", form("email=ann%40example.com&first_name=Ann&last_name=Lee"),
                        fields("email", "ann@example.com", "first_name", "Ann", "last_name", "Lee")),
                Arguments.of("urlencoded raw UTF-8", form("city=M\u00fcnchen&name=J%C3%BCrgen"),
                        fields("city", "M\u00fcnchen", "name", "J\u00fcrgen")),
                Arguments.of("urlencoded ISO-8859-1 from content type",
                        body("application/x-www-form-urlencoded; charset=ISO-8859-1", "city=M%FCnchen&x=\u00e9",
                                StandardCharsets.ISO_8859_1),
                        fields("city", "M\u00fcnchen", "x", "\u00e9")),
                Arguments.of("urlencoded ISO-8859-1 from characterEncoding",
                        withEncoding(body("application/x-www-form-urlencoded", "city=M%FCnchen"), "ISO-8859-1"),
                        fields("city", "M\u00fcnchen")),
                Arguments.of("repeated names keep every value in order", form("interest=a&interest=b&interest=c"),
                        fields("interest", List.of("a", "b", "c"))),
                Arguments.of("pairs without value, empty pairs and nameless pairs", form("a&&b=1&=x&c="),
                        fields("a", "", "b", "1", "c", "")),
                Arguments.of("brackets and '=' inside values are kept",
                        form("user%5Bemail%5D=ann%40example.com&expr=a%3Db=c"),
                        fields("user[email]", "ann@example.com", "expr", "a=b=c")),
                Arguments.of("query first, then body (what getParameter gives the app)",
                        withQuery(form("email=body%40example.com&plan=pro"), "ref=ad&email=query%40example.com"),
                        fields("ref", "ad", "email", List.of("query@example.com", "body@example.com"), "plan", "pro")),
                Arguments.of("multipart with CRLF, text fields and a file",
                        multipart("XyZ", "Content-Disposition: form-data; name=\"email\"\n\nann@example.com",
                                file,
                                "Content-Disposition: form-data; name=\"bio\"\n\nline one\nline two"),
                        fields("email", "ann@example.com", "bio", "line one\r\nline two")),
                Arguments.of("multipart with bare LF, quoted boundary, preamble and epilogue",
                        body("multipart/form-data; boundary=\"a b:c\"",
                                "preamble\n" + multipartBody("a b:c", "\n",
                                        "content-disposition: form-data; name=\"user[email]\"\n\nann@example.com",
                                        "Content-Disposition: form-data; name=\"empty\"\n\n")
                                        + "epilogue"),
                        fields("user[email]", "ann@example.com", "empty", "")),
                Arguments.of("multipart file with empty filename, binary part, part without name",
                        multipart("b",
                                "Content-Disposition: form-data; name=\"upload\"; filename=\"\"\n"
                                        + "Content-Type: application/octet-stream\n\n",
                                "Content-Disposition: form-data; name=\"blob\"\nContent-Type: application/octet-stream\n\n\u0000\u0001",
                                "Content-Disposition: form-data\n\nnameless",
                                "Content-Disposition: form-data; name=\"name\"\nContent-Type: text/plain; charset=UTF-8\n\nAnn"),
                        fields("name", "Ann")),
                Arguments.of("multipart text part with its own charset",
                        body("multipart/form-data; boundary=b", ("--b\r\nContent-Disposition: form-data; name=\"city\"\r\n"
                                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\nM\u00fcnchen\r\n--b--\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1)),
                        fields("city", "M\u00fcnchen")),
                Arguments.of("multipart part whose content is a line that looks like a boundary prefix",
                        multipart("b", "Content-Disposition: form-data; name=\"note\"\n\n--not the boundary\nok"),
                        fields("note", "--not the boundary\r\nok")),
                Arguments.of("JSON flat", json("{\"email\":\"ann@example.com\",\"name\":\"Ann\"}"),
                        fields("email", "ann@example.com", "name", "Ann")),
                Arguments.of("JSON nested objects become dotted names",
                        json("{\"user\":{\"email\":\"ann@example.com\",\"address\":{\"city\":\"Pune\"}},\"plan\":\"pro\"}"),
                        fields("user.email", "ann@example.com", "user.address.city", "Pune", "plan", "pro")),
                Arguments.of("JSON scalars: numbers keep their text, booleans, null dropped, escapes",
                        json("{\"created_at\":1467875969,\"score\":-1.50,\"ok\":true,\"gone\":null,\"q\":\"\\\"hi\\u00e9\"}"),
                        fields("created_at", "1467875969", "score", "-1.50", "ok", "true", "q", "\"hi\u00e9")),
                Arguments.of("JSON arrays: scalars are values, objects prefix with the array name",
                        json("{\"tags\":[\"a\",\"b\",null,[\"c\"]],\"kids\":[{\"name\":\"x\"},{\"name\":\"y\"}],\"none\":[]}"),
                        fields("tags", List.of("a", "b", "c"), "kids.name", List.of("x", "y"))),
                Arguments.of("JSON duplicate keys keep both values", json("{\"a\":\"1\",\"a\":\"2\"}"),
                        fields("a", List.of("1", "2"))),
                Arguments.of("JSON with a byte order mark", json("\uFEFF{\"a\":\"1\"}"), fields("a", "1")),
                Arguments.of("+json media type", body("application/vnd.api+json", "{\"a\":\"1\"}"), fields("a", "1")),
                Arguments.of("JSON in UTF-16 as declared", body("application/json; charset=UTF-16", "{\"city\":\"K\u00f6ln\"}",
                        StandardCharsets.UTF_16), fields("city", "K\u00f6ln")),
                Arguments.of("content type case and parameters", body("Application/JSON ; charset=\"utf-8\"", "{\"a\":\"1\"}"),
                        fields("a", "1")),
                Arguments.of("empty body with an unsupported type: query only",
                        withQuery(body("text/plain", ""), "email=a%40b.co"), fields("email", "a@b.co")),
                Arguments.of("container-parsed parameters when the body was consumed",
                        containerParsed(Map.of("email", List.of("ann@example.com"))), fields("email", "ann@example.com")),
                Arguments.of("nothing at all", query(null), fields()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void extracts(String description, CapturedRequest request, Map<String, List<String>> expected) {
        Extraction extraction = extractor.extract(request);
        assertNull(extraction.skippedReason(), description);
        assertEquals(expected, extraction.fields());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(extraction.fields().keySet()), "field order");
    }

    static Stream<Arguments> malformed() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        String deepObjects = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
        String deepArrays = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        String unclosedDeep = "{\"a\":" + "[".repeat(60_000);
        byte[] invalidUtf8Json = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        byte[] invalidUtf8Form = {'a', '=', (byte) 0xFF};
        return Stream.of(
                Arguments.of("JSON missing value", json("{\"email\": }"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON truncated", json("{\"email\":\"ann@example.com\""), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON truncated string", json("{\"email\":\"ann@exa"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON trailing garbage", json("{\"a\":1} x"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON two documents", json("{\"a\":1}{\"b\":2}"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON top-level array", json("[{\"email\":\"ann@example.com\"}]"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON top-level string", json("\"ann@example.com\""), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON that is a form", json("email=ann%40example.com"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON single quotes", json("{'a':'1'}"), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON only whitespace", json("   "), SkipReasons.MALFORMED_JSON),
                Arguments.of("JSON depth 1,000 objects", json(deepObjects), SkipReasons.JSON_TOO_DEEP),
                Arguments.of("JSON depth 1,000 arrays", json(deepArrays), SkipReasons.JSON_TOO_DEEP),
                Arguments.of("JSON 60,000 unclosed arrays", json(unclosedDeep), SkipReasons.JSON_TOO_DEEP),
                Arguments.of("JSON depth one over the cap", json(nestedObjects(JsonFieldParser.MAX_DEPTH + 1)),
                        SkipReasons.JSON_TOO_DEEP),
                Arguments.of("JSON invalid UTF-8", body("application/json", invalidUtf8Json), SkipReasons.INVALID_ENCODING),
                Arguments.of("JSON binary garbage", body("application/json", garbage), SkipReasons.INVALID_ENCODING),
                Arguments.of("%-encoding not hex", form("email=%zzann"), SkipReasons.BAD_PERCENT_ENCODING),
                Arguments.of("%-encoding cut short", form("email=ann%4"), SkipReasons.BAD_PERCENT_ENCODING),
                Arguments.of("lone % at the end", form("discount=100%"), SkipReasons.BAD_PERCENT_ENCODING),
                Arguments.of("bad %-encoding in a name", form("e%mail=x"), SkipReasons.BAD_PERCENT_ENCODING),
                Arguments.of("bad %-encoding in the query string", withQuery(form("a=1"), "ref=%G1"),
                        SkipReasons.BAD_PERCENT_ENCODING),
                Arguments.of("invalid UTF-8, percent-encoded", form("name=%C3%28"), SkipReasons.INVALID_ENCODING),
                Arguments.of("invalid UTF-8, raw bytes", body("application/x-www-form-urlencoded", invalidUtf8Form),
                        SkipReasons.INVALID_ENCODING),
                Arguments.of("invalid UTF-8 in a multipart text part",
                        body("multipart/form-data; boundary=b", concat("--b\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n",
                                new byte[] {(byte) 0xE2, (byte) 0x82}, "\r\n--b--\r\n")),
                        SkipReasons.INVALID_ENCODING),
                Arguments.of("text/plain body", body("text/plain", "email=ann@example.com"), SkipReasons.UNSUPPORTED_CONTENT_TYPE),
                Arguments.of("XML body", body("application/xml", "<email>a@b.co</email>"), SkipReasons.UNSUPPORTED_CONTENT_TYPE),
                Arguments.of("body without content type", body(null, "email=ann%40example.com"),
                        SkipReasons.UNSUPPORTED_CONTENT_TYPE),
                Arguments.of("binary garbage as octet-stream", body("application/octet-stream", garbage),
                        SkipReasons.UNSUPPORTED_CONTENT_TYPE),
                Arguments.of("unknown charset", body("application/x-www-form-urlencoded; charset=klingon", "a=1"),
                        SkipReasons.UNSUPPORTED_CHARSET),
                Arguments.of("illegal charset name", withEncoding(form("a=1"), "utf 8!"), SkipReasons.UNSUPPORTED_CHARSET),
                Arguments.of("multipart without boundary", body("multipart/form-data", "--b\r\n\r\nx\r\n--b--"),
                        SkipReasons.MALFORMED_MULTIPART),
                Arguments.of("multipart boundary over 70 chars", multipart("b".repeat(71),
                        "Content-Disposition: form-data; name=\"a\"\n\n1"), SkipReasons.MALFORMED_MULTIPART),
                Arguments.of("multipart without closing delimiter", body("multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"), SkipReasons.MALFORMED_MULTIPART),
                Arguments.of("multipart headers never end", body("multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"a\""), SkipReasons.MALFORMED_MULTIPART),
                Arguments.of("multipart with no delimiter at all", body("multipart/form-data; boundary=b", "email=a@b.co"),
                        SkipReasons.MALFORMED_MULTIPART),
                Arguments.of("multipart binary garbage", body("multipart/form-data; boundary=b", garbage),
                        SkipReasons.MALFORMED_MULTIPART),
                Arguments.of("body over the cap", form("a=" + "x".repeat(MAX_BODY)), SkipReasons.BODY_TOO_LARGE),
                Arguments.of("body not complete, no reason given", incomplete(form("email=ann%40exam")), SkipReasons.BODY_NOT_READ),
                Arguments.of("client aborted", incomplete(form("email=ann%40exam"), SkipReasons.CLIENT_ABORTED), SkipReasons.CLIENT_ABORTED),
                Arguments.of("body unreadable", incomplete(form("email=ann%40exam"), SkipReasons.BODY_UNREADABLE),
                        SkipReasons.BODY_UNREADABLE),
                Arguments.of("multipart unavailable", incomplete(body("multipart/form-data; boundary=b", ""),
                        SkipReasons.MULTIPART_UNAVAILABLE), SkipReasons.MULTIPART_UNAVAILABLE),
                Arguments.of("text over the cap seen by the servlet layer", incomplete(form("email=ann%40exam"), SkipReasons.BODY_TOO_LARGE),
                        SkipReasons.BODY_TOO_LARGE),
                Arguments.of("no request at all", null, SkipReasons.EXTRACTION_FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void skipsMalformedInputWithAReason(String description, CapturedRequest request, String reason) {
        Extraction extraction = extractor.extract(request);
        assertEquals(reason, extraction.skippedReason(), description);
        assertFalse(extraction.captured());
        assertTrue(extraction.fields().isEmpty());
    }

    @Test
    void acceptsJsonNestedExactlyToTheCap() {
        Extraction extraction = extractor.extract(json(nestedObjects(JsonFieldParser.MAX_DEPTH)));
        assertTrue(extraction.captured(), extraction.skippedReason());
        assertEquals(List.of("1"), extraction.fields().get("a" + ".a".repeat(JsonFieldParser.MAX_DEPTH - 1)));
    }

    @Test
    void bodyExactlyAtTheCapIsParsed() {
        String body = "a=" + "x".repeat(MAX_BODY - 2);
        assertTrue(extractor.extract(form(body)).captured());
    }

    @Test
    void onlyTheValidPrefixOfTheBodyArrayIsRead() {
        byte[] bytes = "a=1&b=2GARBAGE%".getBytes(StandardCharsets.UTF_8);
        CapturedRequest r = new CapturedRequest("POST", "/s", null, "application/x-www-form-urlencoded", null,
                bytes, 7, true, Map.of(), Map.of());
        assertEquals(fields("a", "1", "b", "2"), extractor.extract(r).fields());
    }

    @Test
    void bodyLengthBeyondTheArrayIsClamped() {
        byte[] bytes = "a=1".getBytes(StandardCharsets.UTF_8);
        CapturedRequest r = new CapturedRequest("POST", "/s", null, "application/x-www-form-urlencoded", null,
                bytes, 1_000, true, null, null);
        assertEquals(fields("a", "1"), extractor.extract(r).fields());
    }

    @Test
    void containerParametersAreIgnoredWhenTheBodyIsThere() {
        CapturedRequest r = new CapturedRequest("POST", "/s", null, "application/x-www-form-urlencoded", null,
                "a=body".getBytes(StandardCharsets.UTF_8), 6, true, Map.of("a", List.of("container")), Map.of());
        assertEquals(fields("a", "body"), extractor.extract(r).fields());
    }

    @Test
    void containerParametersAreUsedEvenIfTheBodyCacheGaveUp() {
        CapturedRequest r = new CapturedRequest("POST", "/s", "x=1", "application/x-www-form-urlencoded", null,
                new byte[0], 0, false, Map.of("email", List.of("ann@example.com")), Map.of());
        assertEquals(fields("email", "ann@example.com"), extractor.extract(r).fields());
    }

    @Test
    void theServletLayerReadsRemaindersOnlyOfTheTypesParsed() {
        for (String parsed : new String[] {"application/x-www-form-urlencoded", "Multipart/Form-Data; boundary=b",
                "application/json; charset=UTF-8", "application/vnd.api+json"}) {
            assertTrue(FieldExtractor.parsesBodyOf(parsed), parsed);
        }
        for (String notParsed : new String[] {"text/plain", "application/octet-stream", "application/xml", "", "json"}) {
            assertFalse(FieldExtractor.parsesBodyOf(notParsed), notParsed);
        }
        assertFalse(FieldExtractor.parsesBodyOf(null));
    }

    @Test
    void keepsAtMostAThousandValues() {
        String many = "v=1&".repeat(FieldCollector.MAX_VALUES + 500);
        Extraction extraction = extractor.extract(form(many));
        assertEquals(FieldCollector.MAX_VALUES, extraction.fields().get("v").size());
    }

    private static final String ASCII_GARBAGE = "-ab=&%\r\n\"{}[]:,;";

    @Test
    void garbageInEveryFormatNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        String[] types = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=--", "application/json",
            "multipart/form-data; boundary=\"", null, ";;;=", "multipart/form-data; boundary=a"};
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (i % 2 == 0) {
                // mostly-ASCII garbage reaches deeper into the parsers
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) ASCII_GARBAGE.charAt(Math.floorMod(bytes[k], ASCII_GARBAGE.length()));
                }
            }
            Extraction extraction = extractor.extract(body(types[i % types.length], bytes));
            assertTrue(extraction.captured() || extraction.skippedReason() != null);
            assertTrue(extraction.captured() || !SkipReasons.EXTRACTION_FAILED.equals(extraction.skippedReason()),
                    "a parser bug on input " + i);
        }
    }

    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{\"a\":1}" + "}".repeat(depth - 1);
    }

    private static CapturedRequest incomplete(CapturedRequest r) {
        return new CapturedRequest(r.method(), r.path(), r.queryString(), r.contentType(), r.characterEncoding(),
                r.body(), r.bodyLength(), false, r.containerParameters(), r.context());
    }

    private static CapturedRequest incomplete(CapturedRequest r, String reason) {
        return new CapturedRequest(r.method(), r.path(), r.queryString(), r.contentType(), r.characterEncoding(),
                r.body(), r.bodyLength(), reason, r.containerParameters(), r.context());
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(middle, 0, out, h.length, middle.length);
        System.arraycopy(t, 0, out, h.length + middle.length, t.length);
        return out;
    }
}
