package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code interakt.trace}: off by default, and the one key works from every source. */
class TraceKeyTest {

    @Test
    void offByDefault() {
        assertFalse(new ConfigLoader().load().trace());
    }

    @Test
    void onFromTheEnvironment() {
        assertTrue(new ConfigLoader().environment(Map.of("INTERAKT_TRACE", "true")).load().trace());
    }

    @Test
    void onFromASystemProperty() {
        Properties props = new Properties();
        props.setProperty("interakt.trace", "true");
        assertTrue(new ConfigLoader().systemProperties(props).load().trace());
    }

    @Test
    void onFromAnAgentArgument() {
        assertTrue(new ConfigLoader().overrides(AgentArguments.parse("rule.signup.paths=/join,trace=true")).load().trace());
    }

    @Test
    void aValueThatIsNotABooleanNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader().overrides(Map.of("interakt.trace", "yes please")).load());
        assertTrue(e.getMessage().contains("interakt.trace"), e.getMessage());
    }
}
