package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.OuterMarkerFilter;
import co.interakt.capture.filter.harness.TestApps;
import co.interakt.capture.filter.harness.WebApp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropping the jar in is enough: {@link InteraktCaptureInitializer} registers the filter in a
 * web.xml application that never mentions it ({@code metadata-complete="true"} even) and in one
 * with no web.xml at all, configured by a properties file. Tomcat finds the initializer itself, through {@code META-INF/services}
 * on the class path (proven there); Jetty without its annotations module does not scan for
 * initializers, so there it is added through Jetty's API ({@code ServiceRegistrationTest} proves
 * the services file).
 */
abstract class AutoRegistrationScenarios extends ContainerScenario {
    private static final String FILTER = InteraktCaptureFilter.class.getName();

    @TempDir
    Path tmp;

    AutoRegistrationScenarios(Containers which) {
        super(which);
    }


    @Test
    void registersItselfInAWebXmlApplicationThatDoesNotMentionIt() throws Exception {
        Path config = configFile(captureSettings());
        start(asDeployed(WebApp.webXml(TestApps.CONTEXT, TestApps.webXmlShop(tmp.resolve("app"),
                Map.of("interakt.config-file", config.toString()), null))));

        assertEquals(List.of("interakt-capture=" + FILTER, "marker=" + OuterMarkerFilter.class.getName()), filters());
        assertEquals(201, postForm(TestPaths.SIGNUP, "email=dropin%40example.com&name=Drop+In").statusCode());
        assertEquals("dropin@example.com", theOnlyMember().email());
    }

    @Test
    void registersItselfInAnApplicationWithoutWebXml() throws Exception {
        Path config = configFile(captureSettings());
        Path dir = Files.createDirectories(tmp.resolve("no-web-xml"));
        start(asDeployed(WebApp.withoutWebXml(TestApps.CONTEXT, dir, (classes, ctx) -> {
            ctx.setInitParameter("interakt.config-file", config.toString());
            TestApps.addServlets(ctx);
        })));

        assertEquals(List.of("interakt-capture=" + FILTER), filters());
        postForm(TestPaths.SIGNUP, "email=noxml%40example.com", "X-Read", "reader");
        assertEquals("noxml@example.com", theOnlyMember().email());
    }

    @Test
    void isNotRegisteredAgainWhenWebXmlDeclaresTheFilter() throws Exception {
        start(asDeployed(WebApp.webXml(TestApps.CONTEXT, TestApps.webXmlShop(tmp.resolve("app"), Map.of(), captureSettings()))));

        assertEquals(List.of("interakt=" + FILTER), ourFilters());
        postForm(TestPaths.SIGNUP, "email=declared%40example.com");
        assertEquals("declared@example.com", theOnlyMember().email());
    }

    @Test
    void isNotRegisteredAgainWhenTheApplicationRegistersTheFilterInCode() throws Exception {
        start(TestApps.shop(captureSettings()).withInitializer(new InteraktCaptureInitializer()));

        assertEquals(List.of("capture=" + FILTER), ourFilters());
        postForm(TestPaths.SIGNUP, "email=coded%40example.com");
        assertEquals("coded@example.com", theOnlyMember().email());
    }

    @Test
    void twoInstalledFiltersStillCaptureARequestOnce() throws Exception {
        Map<String, String> settings = captureSettings();
        start(WebApp.programmatic(TestApps.CONTEXT, (classes, ctx) -> {
            for (String name : new String[] {"first", "second"}) {
                var registration = ctx.addFilter(name, InteraktCaptureFilter.class);
                registration.setInitParameters(settings);
                registration.addMappingForUrlPatterns(null, true, "/*");
            }
            TestApps.addServlets(ctx);
        }));

        assertEquals(2, ourFilters().size());
        postForm(TestPaths.SIGNUP, "email=once%40example.com", "X-Read", "stream");
        assertEquals("once@example.com", theOnlyMember().email());
    }

    @Test
    void theOptOutLeavesTheApplicationAlone() throws Exception {
        start(asDeployed(WebApp.webXml(TestApps.CONTEXT, TestApps.webXmlShop(tmp.resolve("app"),
                Map.of("interakt.filter.auto-register", "false"), null))));

        assertEquals(List.of(), ourFilters());
        assertEquals(201, postForm(TestPaths.SIGNUP, "email=optout%40example.com").statusCode());
    }

    @Test
    void aBadConfigurationLeavesAnAutoRegisteredFilterInactiveAndTheApplicationRunning() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.rule.signup.target", "member");
        Path config = configFile(settings);
        start(asDeployed(WebApp.webXml(TestApps.CONTEXT, TestApps.webXmlShop(tmp.resolve("app"),
                Map.of("interakt.config-file", config.toString()), null))));

        assertEquals(1, ourFilters().size());
        HttpResponse<byte[]> response = postForm(TestPaths.SIGNUP, "email=bad%40example.com&name=Bad", "X-Read", "params");
        assertEquals(201, response.statusCode());
        assertEquals("email=bad@example.com\nname=Bad\n", new String(response.body(), StandardCharsets.UTF_8));
        stopContainer();
        assertEquals(List.of(), sandbox.received(), "an inactive filter has no engine: nothing can have been queued");
    }

    @Test
    void aBadConfigurationFailsAWebXmlDeployment() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.rule.signup.target", "member");
        WebApp app = WebApp.webXml(TestApps.CONTEXT, TestApps.webXmlShop(tmp.resolve("app"), Map.of(), settings));

        assertThrows(Exception.class, () -> start(app));
    }

    /** The application as a container would deploy it with our jar in WEB-INF/lib. */
    private WebApp asDeployed(WebApp app) {
        return container().discoversInitializers() ? app : app.withInitializer(new InteraktCaptureInitializer());
    }

    private Path configFile(Map<String, String> settings) throws IOException {
        Properties props = new Properties();
        props.putAll(settings);
        Path file = tmp.resolve("interakt.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "test");
        }
        return file;
    }

    private List<String> ourFilters() throws IOException, InterruptedException {
        return filters().stream().filter(line -> line.endsWith("=" + FILTER)).collect(Collectors.toList());
    }

    private List<String> filters() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve("/shop/filters")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200, "filters listing: " + response.statusCode());
        return response.body().lines().toList();
    }
}
