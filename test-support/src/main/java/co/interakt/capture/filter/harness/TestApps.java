package co.interakt.capture.filter.harness;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

/** The small shop application the scenarios post to, with or without our filter. */
public final class TestApps {
    public static final String CONTEXT = "/shop";
    /** Named, not referenced: this module sits below the filter in the build (the filter's tests use it). */
    public static final String CAPTURE_FILTER = "co.interakt.capture.filter.InteraktCaptureFilter";

    private TestApps() {
    }

    /**
     * Servlets at {@code /signup} and {@code /other} ({@link EchoServlet}) and {@code /async-signup}
     * ({@link AsyncEchoServlet}), behind {@link OuterMarkerFilter} and, when {@code filterParams}
     * is not {@code null}, our filter with those init-params, registered the way an application
     * registers it in code.
     */
    public static WebApp shop(Map<String, String> filterParams) {
        return shop(CONTEXT, filterParams);
    }

    /** The same application at another context path. */
    public static WebApp shop(String contextPath, Map<String, String> filterParams) {
        return WebApp.programmatic(contextPath, (classes, ctx) -> {
            FilterRegistration.Dynamic marker = ctx.addFilter("marker", new OuterMarkerFilter());
            marker.setAsyncSupported(true);
            marker.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            if (filterParams != null) {
                FilterRegistration.Dynamic capture = ctx.addFilter("capture", CAPTURE_FILTER);
                capture.setInitParameters(filterParams);
                capture.setAsyncSupported(true);
                capture.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            }
            addServlets(ctx);
        });
    }

    /** The shop's servlets only: for applications whose filters come from web.xml or an initializer. */
    public static void addServlets(ServletContext ctx) {
        servlet(ctx, "signup", new EchoServlet(), "/signup");
        servlet(ctx, "other", new EchoServlet(), "/other");
        servlet(ctx, "async-signup", new AsyncEchoServlet(), "/async-signup");
        ctx.addServlet("filters", new FiltersServlet()).addMapping("/filters");
    }

    private static void servlet(ServletContext ctx, String name, jakarta.servlet.Servlet servlet, String path) {
        ServletRegistration.Dynamic registration = ctx.addServlet(name, servlet);
        registration.addMapping(path);
        registration.setAsyncSupported(true);
        registration.setMultipartConfig(new MultipartConfigElement(System.getProperty("java.io.tmpdir")));
    }

    /**
     * An exploded application in {@code dir} whose web.xml ({@code metadata-complete="true"})
     * declares the shop's servlets, {@link OuterMarkerFilter}, the given context parameters and,
     * when {@code filterParams} is not {@code null}, our filter.
     */
    public static Path webXmlShop(Path dir, Map<String, String> contextParams, Map<String, String> filterParams) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                """);
        contextParams.forEach((k, v) -> xml.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        xml.append("  <filter><filter-name>marker</filter-name><filter-class>").append(OuterMarkerFilter.class.getName())
                .append("</filter-class><async-supported>true</async-supported></filter>\n")
                .append("  <filter-mapping><filter-name>marker</filter-name><url-pattern>/*</url-pattern></filter-mapping>\n");
        if (filterParams != null) {
            xml.append("  <filter>\n    <filter-name>interakt</filter-name>\n    <filter-class>")
                    .append(CAPTURE_FILTER).append("</filter-class>\n    <async-supported>true</async-supported>\n")
                    .append(filterParams.entrySet().stream()
                            .map(e -> "    <init-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue() + "</param-value></init-param>\n")
                            .collect(Collectors.joining()))
                    .append("  </filter>\n  <filter-mapping><filter-name>interakt</filter-name><url-pattern>/*</url-pattern></filter-mapping>\n");
        }
        for (String[] s : new String[][] {{"signup", EchoServlet.class.getName(), "/signup"},
                {"other", EchoServlet.class.getName(), "/other"},
                {"async-signup", AsyncEchoServlet.class.getName(), "/async-signup"},
                {"filters", FiltersServlet.class.getName(), "/filters"}}) {
            xml.append("  <servlet><servlet-name>").append(s[0]).append("</servlet-name><servlet-class>").append(s[1])
                    .append("</servlet-class><async-supported>true</async-supported><multipart-config/></servlet>\n")
                    .append("  <servlet-mapping><servlet-name>").append(s[0]).append("</servlet-name><url-pattern>")
                    .append(s[2]).append("</url-pattern></servlet-mapping>\n");
        }
        xml.append("</web-app>\n");
        Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(dir.resolve("WEB-INF/web.xml"), xml, StandardCharsets.UTF_8);
        return dir;
    }
}
