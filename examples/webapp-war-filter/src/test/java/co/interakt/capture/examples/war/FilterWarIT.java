package co.interakt.capture.examples.war;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The built WAR, deployed as is in Jetty 12 (its own web-app class loader, WEB-INF/lib first):
 * the filter declared in web.xml captures the signup, with the web.xml's init-params, and the
 * credentials given as context parameters, the way an operator sets them per deployment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterWarIT {
    private static final String CONTEXT = "/signup-webapp-filter";
    private static final String APP_ID = "war-app";
    private static final String API_KEY = "war-key";
    private static final String PASSWORD = "never-leaves-1234";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InteraktSandbox sandbox = new InteraktSandbox(APP_ID, API_KEY);
    private final Server jetty = new Server();
    private URI base;

    private HttpResponse<String> signup;
    private HttpResponse<String> contact;
    private HttpResponse<String> hello;

    /** Deploys the WAR, sends a contact message, a page view and a signup, then undeploys (which delivers the queue). */
    @BeforeAll
    void runTheWar() throws Exception {
        sandbox.start(0);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        WebAppContext webApp = new WebAppContext();
        webApp.setWar(war().toString());
        webApp.setContextPath(CONTEXT);
        webApp.setThrowUnavailableOnStartupException(true);
        webApp.setTempDirectory(Files.createTempDirectory("filter-war-it").toFile());
        webApp.setInitParameter("interakt.base-url", sandbox.baseUrl());
        webApp.setInitParameter("interakt.app-id", APP_ID);
        webApp.setInitParameter("interakt.api-key", API_KEY);
        jetty.setHandler(webApp);
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + CONTEXT);

        contact = post("/contact", "hello there");
        hello = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
        signup = post("/signup", "email=lin%40example.com&name=Lin+Wei&city=Pune&country=India"
                + "&password=" + PASSWORD + "&plan=business&newsletter=yes&referral_code=XYZ");
        jetty.stop();
    }

    @AfterAll
    void stopSandbox() throws Exception {
        jetty.stop();
        sandbox.close();
    }

    @Test
    void signupArrivesAsAMemberWithTheConfiguredFieldsOnly() {
        assertEquals(201, signup.statusCode(), signup.body());
        assertEquals(1, sandbox.members().size(), "members received: " + sandbox.received());
        ReceivedRequest member = sandbox.members().get(0);
        assertAll(
                () -> assertEquals("lin@example.com", member.email()),
                () -> assertEquals("Lin Wei", member.attributes().get("name")),
                () -> assertEquals("Pune", member.attributes().get("city")),
                () -> assertEquals("India", member.attributes().get("country")),
                // custom-fields=plan,newsletter in web.xml: referral_code stays out; enrich adds the user agent.
                () -> assertEquals(Map.of("plan", "business", "newsletter", "yes", "signup_user_agent", "filter-war-it"),
                        member.customFields()),
                () -> assertFalse(member.body().contains(PASSWORD), member.body()),
                () -> assertFalse(member.body().contains("password"), member.body()));
    }

    @Test
    void otherPagesAnswerAsUsualAndSendNothing() {
        assertEquals(List.of(200, 200), List.of(contact.statusCode(), hello.statusCode()));
        assertEquals("Hello from the signup example. Sign up at " + CONTEXT + "/signup\n", hello.body());
        assertEquals(List.of("lin@example.com"), sandbox.received().stream().map(ReceivedRequest::email).toList());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "filter-war-it")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Path war() {
        Path war = Path.of(System.getProperty("example.war", "target/signup-webapp-filter.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " does not exist: run through Maven (mvn verify)");
        }
        return war;
    }
}
