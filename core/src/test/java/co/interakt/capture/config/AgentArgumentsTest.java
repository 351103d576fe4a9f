package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentArgumentsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("app-id=abc", Map.of("interakt.app-id", "abc")),
                Arguments.of("interakt.app-id=abc", Map.of("interakt.app-id", "abc")),
                Arguments.of("config=/etc/interakt.properties",
                        Map.of("interakt.config-file", "/etc/interakt.properties")),
                Arguments.of("config-file=/etc/i.properties", Map.of("interakt.config-file", "/etc/i.properties")),
                Arguments.of(" app-id = abc , dry-run=true ",
                        Map.of("interakt.app-id", "abc", "interakt.dry-run", "true")),
                Arguments.of("rule.signup.paths=/join,/register,/api/**,app-id=x",
                        Map.of("interakt.rule.signup.paths", "/join,/register,/api/**", "interakt.app-id", "x")),
                Arguments.of("base-url=http://localhost:8080/api/v1?x=y",
                        Map.of("interakt.base-url", "http://localhost:8080/api/v1?x=y")),
                Arguments.of("sensitive-fields=", Map.of("interakt.sensitive-fields", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesIntoPrefixedOverrides(String args, Map<String, String> expected) {
        assertEquals(expected, AgentArguments.parse(args));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void noArgumentsMeansNoOverrides(String args) {
        assertTrue(AgentArguments.parse(args).isEmpty());
    }

    @Test
    void keepsTheOrderGiven() {
        assertEquals("[interakt.rules, interakt.app-id]",
                AgentArguments.parse("rules=signup,app-id=x").keySet().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_VERY_SECRET", "sk_live_VERY_SECRET,app-id=x", "=x"})
    void malformedArgumentsNeverQuoteTheMisplacedText(String args) {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentArguments.parse(args));
        assertTrue(e.getMessage().contains("fix: write -javaagent:interakt-capture.jar=key=value"), e.getMessage());
        assertFalse(e.getMessage().contains("VERY_SECRET"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentArguments.parse("app-id=a,interakt.app-id=b"));
        assertEquals("interakt.app-id", e.key());
    }

    @Test
    void parsedArgumentsFeedTheLoader() {
        CaptureConfig config = new ConfigLoader()
                .overrides(AgentArguments.parse("app-id=a,api-key=k,rule.signup.paths=/join,/api/**"))
                .load();
        assertEquals("[/join, /api/**]", config.rules().get(0).paths().toString());
        assertFalse(config.delivery().dryRun());
    }
}
