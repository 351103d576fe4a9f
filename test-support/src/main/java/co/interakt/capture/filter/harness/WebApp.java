package co.interakt.capture.filter.harness;

import jakarta.servlet.ServletContainerInitializer;
import java.nio.file.Path;
import java.util.List;

/**
 * One web application to deploy: either set up programmatically through the standard
 * {@code ServletContext} API (inside an initializer, the same code on every container), or an
 * exploded directory with a {@code WEB-INF/web.xml}.
 *
 * @param contextPath  e.g. {@code /app}; never the root, so "path within the app" is really tested
 * @param setup        registers servlets and filters; {@code null} for a web.xml application
 * @param webAppDir    exploded application with {@code WEB-INF/web.xml}; {@code null} for a programmatic one
 * @param initializers initializers the container must run as if discovered (e.g. ours, on a container
 *                     without discovery); may be empty
 */
public record WebApp(String contextPath, ServletContainerInitializer setup, Path webAppDir, List<ServletContainerInitializer> initializers) {

    public WebApp {
        initializers = List.copyOf(initializers);
    }

    public static WebApp programmatic(String contextPath, ServletContainerInitializer setup) {
        return new WebApp(contextPath, setup, null, List.of());
    }

    public static WebApp webXml(String contextPath, Path webAppDir) {
        return new WebApp(contextPath, null, webAppDir, List.of());
    }

    /**
     * An exploded application with no web.xml at all, whose own code registers its servlets from
     * an initializer (as Spring's {@code WebApplicationInitializer} does).
     */
    public static WebApp withoutWebXml(String contextPath, Path emptyDir, ServletContainerInitializer applicationCode) {
        return new WebApp(contextPath, null, emptyDir, List.of(applicationCode));
    }

    public WebApp withInitializer(ServletContainerInitializer initializer) {
        List<ServletContainerInitializer> all = new java.util.ArrayList<>(initializers);
        all.add(initializer);
        return new WebApp(contextPath, setup, webAppDir, all);
    }
}
