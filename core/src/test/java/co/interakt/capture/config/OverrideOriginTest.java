package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Overrides from a host framework (the Spring Boot starter) carry where each key was set into the messages. */
class OverrideOriginTest {

    private static ConfigLoader loader(Map<String, String> overrides) {
        return new ConfigLoader().environment(Map.of()).systemProperties(new Properties())
                .overrides(overrides, key -> "Spring property from class path resource [application.yml] - 7:13");
    }

    @Test
    void invalidValueNamesTheOriginOfTheOverride() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader(Map.of("interakt.max-body-bytes", "lots")).load());
        assertEquals("interakt.max-body-bytes", e.key());
        assertTrue(e.getMessage().contains("application.yml] - 7:13"), e.getMessage());
    }

    @Test
    void unknownKeyNamesTheOriginOfTheOverride() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of("interakt.app-idd", "x")).load());
        assertTrue(e.getMessage().contains("unknown configuration key (Spring property from"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean interakt.app-id?"), e.getMessage());
    }

    @Test
    void withoutAnOriginTheWordingIsTheAgentsAndTheFilters() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader()
                .overrides(Map.of("interakt.app-idd", "x")).load());
        assertTrue(e.getMessage().contains("agent argument / filter init-param"), e.getMessage());
    }

    @Test
    void aValueFromTheOverridesWinsAsBefore() {
        assertEquals(4000, loader(Map.of("interakt.max-body-bytes", "4000")).load().maxBodyBytes());
    }
}
