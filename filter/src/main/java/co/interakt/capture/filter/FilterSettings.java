package co.interakt.capture.filter;

import co.interakt.capture.config.ConfigKeys;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The configuration overrides a filter instance brings: {@code interakt.*} context parameters, then
 * (winning) its own {@code interakt.*} init-params, plus the {@code config-file} init-param as
 * {@code interakt.config-file}. System properties, environment and the file come in below these,
 * through the {@code ConfigLoader}.
 */
final class FilterSettings {
    /** The one init-param outside the {@code interakt.*} vocabulary, for web.xml readability. */
    static final String CONFIG_FILE_PARAM = "config-file";

    private FilterSettings() {
    }

    static Map<String, String> overrides(FilterConfig filterConfig) {
        Map<String, String> overrides = new LinkedHashMap<>();
        ServletContext context = filterConfig.getServletContext();
        if (context != null) {
            copy(context.getInitParameterNames(), context::getInitParameter, overrides);
        }
        copy(filterConfig.getInitParameterNames(), filterConfig::getInitParameter, overrides);
        String configFile = filterConfig.getInitParameter(CONFIG_FILE_PARAM);
        if (configFile != null && !configFile.isBlank()) {
            overrides.put(ConfigKeys.CONFIG_FILE.name(), configFile.trim());
        }
        return overrides;
    }

    private static void copy(Enumeration<String> names, Function<String, String> values, Map<String, String> into) {
        if (names == null) {
            return;
        }
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String value = values.apply(name);
            if (name.startsWith(ConfigKeys.PREFIX) && value != null) {
                into.put(name, value.trim());
            }
        }
    }
}
