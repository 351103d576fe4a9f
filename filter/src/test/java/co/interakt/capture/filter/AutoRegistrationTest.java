package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoRegistrationTest {

    @ParameterizedTest(name = "context={0} sysprop={1} env={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "-,     -,     -,     true",   // default: on
        "-,     -,     false, false",  // env opts out
        "-,     true,  false, true",   // system property beats env
        "-,     false, -,     false",
        "true,  false, false, true",   // the application's own context parameter wins
        "false, true,  true,  false",
        "FALSE, -,     -,     false",  // case-insensitive
        "' true ', -,  -,     true",
        "nope,  -,     -,     false",  // unclear: the cautious reading is opt-out
    })
    void readsTheSwitchInPrecedenceOrder(String contextParam, String sysprop, String env, boolean expected) {
        Properties props = new Properties();
        if (sysprop != null) {
            props.setProperty(AutoRegistration.KEY, sysprop);
        }
        Map<String, String> environment = new HashMap<>();
        if (env != null) {
            environment.put(AutoRegistration.ENV, env);
        }

        assertEquals(expected, AutoRegistration.enabled(contextParam, props, environment));
    }
}
