package co.interakt.capture.benchmarks.servlet;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/** Init-params as a {@code web.xml} would give them; no servlet context (the filter allows that). */
public record StubFilterConfig(Map<String, String> initParameters) implements FilterConfig {
    @Override
    public String getFilterName() {
        return "interakt";
    }

    @Override
    public ServletContext getServletContext() {
        return null;
    }

    @Override
    public String getInitParameter(String name) {
        return initParameters.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(initParameters.keySet());
    }
}
