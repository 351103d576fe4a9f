package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What init does with a configuration it cannot use: fail a declared filter, disable an auto-registered one. */
class FilterInitTest {
    private static final Map<String, String> BAD = Map.of(
            "interakt.rules", "signup",
            "interakt.rule.signup.target", "member",
            "interakt.api-key", "super-secret-key");

    @Test
    void aDeclaredFilterFailsTheDeploymentWithTheKeyAndTheFix() {
        InteraktCaptureFilter filter = new InteraktCaptureFilter();

        ServletException e = assertThrows(ServletException.class,
                () -> filter.init(FilterSettingsTest.filterConfig(BAD, Map.of())));

        assertTrue(e.getMessage().contains("interakt.rule.signup.target"), e.getMessage());
        assertTrue(e.getMessage().contains("fix:"), e.getMessage());
        assertTrue(e.getMessage().contains("'/test'"), "names the application: " + e.getMessage());
        assertTrue(!e.getMessage().contains("super-secret-key"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsAConfigurationErrorToo() {
        InteraktCaptureFilter filter = new InteraktCaptureFilter();

        ServletException e = assertThrows(ServletException.class,
                () -> filter.init(FilterSettingsTest.filterConfig(Map.of("interakt.rule.signup.pahts", "/join"), Map.of())));

        assertTrue(e.getMessage().contains("interakt.rule.signup.pahts"), e.getMessage());
    }

    @Test
    void anAutoRegisteredFilterStaysInactiveAndLetsRequestsThrough() throws Exception {
        InteraktCaptureFilter filter = InteraktCaptureFilter.autoRegistered();

        filter.init(FilterSettingsTest.filterConfig(BAD, Map.of()));

        assertNull(filter.capture());
        boolean[] passed = {false};
        filter.doFilter(null, null, (req, res) -> passed[0] = true);
        assertTrue(passed[0]);
        filter.destroy();
    }

    @Test
    void aDisabledConfigurationStartsNoEngine() throws Exception {
        InteraktCaptureFilter filter = new InteraktCaptureFilter();

        filter.init(FilterSettingsTest.filterConfig(Map.of("interakt.enabled", "false"), Map.of()));

        assertNull(filter.capture());
        filter.destroy();
    }
}
