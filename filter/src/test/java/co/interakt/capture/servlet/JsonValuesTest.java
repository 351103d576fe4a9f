package co.interakt.capture.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonValuesTest {

    static Stream<Arguments> prefixes() {
        return Stream.of(
                Arguments.of("{\"email\":\"a@b.co\"}", true),
                Arguments.of("  \n{\"a\":{\"b\":[1,2,{\"c\":\"}\"}]}}\n", true),
                Arguments.of("[{\"email\":\"a@b.co\"}]", true),
                Arguments.of("{\"a\":\"quote \\\" and brace }\"}", true),
                Arguments.of("{\"a\":\"backslash \\\\\"}", true),
                Arguments.of("{\"email\":\"a@b.co\"", false),
                Arguments.of("{\"a\":\"}", false),
                Arguments.of("{\"a\":{\"b\":1}", false),
                Arguments.of("42", false),
                Arguments.of("\"text\"", false),
                Arguments.of("email=a%40b.co", false),
                Arguments.of("", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("prefixes")
    void tellsAWholeObjectOrArrayFromAPrefix(String json, boolean complete) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(complete, JsonValues.startsWithCompleteValue(bytes, bytes.length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"{\"email\":\"a@b.co\"}"})
    void aByteOrderMarkIsSkippedAndOnlyTheValidLengthCounts(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3 + 10];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(true, JsonValues.startsWithCompleteValue(withBom, body.length + 3));
        assertEquals(false, JsonValues.startsWithCompleteValue(withBom, body.length + 2));
    }
}
