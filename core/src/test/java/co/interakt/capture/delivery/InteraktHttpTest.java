package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What an error answer's body may put in a log line: one line of text, whatever the server sent. */
class InteraktHttpTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("plain JSON", "{\"error\":\"bad\"}", "{\"error\":\"bad\"}"),
                Arguments.of("CR/LF and a forged line", "oops\r\nSEVERE forged", "oops  SEVERE forged"),
                Arguments.of("terminal escape", "\u001b[31mred", "[31mred"),
                Arguments.of("NUL and tab", "a\u0000b\tc", "a b c"),
                Arguments.of("surrounding blanks and newline", "  <html>\n", "<html>"),
                Arguments.of("non-ASCII kept", "zoë 😀", "zoë 😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void anErrorDetailIsOneLineOfText(String name, String body, String logged) {
        assertEquals(logged, InteraktHttp.oneLine(body));
    }
}
