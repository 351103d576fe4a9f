package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterSettingsTest {

    @Test
    void initParamsWinOverContextParamsAndOnlyConfigurationKeysAreTaken() {
        Map<String, String> contextParams = Map.of(
                "interakt.base-url", "http://127.0.0.1:1/from-context",
                "interakt.app-id", "context-app",
                "interakt.filter.auto-register", "true",
                "contextConfigLocation", "/WEB-INF/spring.xml");
        Map<String, String> initParams = new LinkedHashMap<>();
        initParams.put("interakt.base-url", "http://127.0.0.1:2/from-filter");
        initParams.put("interakt.rule.signup.paths", " /signup ");
        initParams.put("config-file", "/etc/interakt.properties");
        initParams.put("unrelated", "x");

        Map<String, String> overrides = FilterSettings.overrides(filterConfig(initParams, contextParams));

        assertEquals(Map.of(
                "interakt.base-url", "http://127.0.0.1:2/from-filter",
                "interakt.app-id", "context-app",
                "interakt.filter.auto-register", "true",
                "interakt.rule.signup.paths", "/signup",
                "interakt.config-file", "/etc/interakt.properties"), overrides);
    }

    static FilterConfig filterConfig(Map<String, String> initParams, Map<String, String> contextParams) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(
                FilterSettingsTest.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameterNames" -> Collections.enumeration(contextParams.keySet());
                    case "getInitParameter" -> contextParams.get((String) args[0]);
                    case "getContextPath" -> "/test";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "test";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return initParams.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(initParams.keySet());
            }
        };
    }
}
