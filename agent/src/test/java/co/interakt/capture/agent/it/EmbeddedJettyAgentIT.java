package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * examples/embedded-jetty: Jetty 12 on a flat class path, the app bringing its own, older Jackson
 * (2.17.2, with databind) and HttpClient (5.4.4) and using both while the agent runs.
 */
class EmbeddedJettyAgentIT extends AgentScenario {
    static final Request JSON_SIGNUP = Request.post("/api/signup", "application/json",
            "{\"email\":\"grace@example.com\",\"name\":\"Grace Hopper\",\"company\":\"Navy\",\"password\":\"" + PASSWORD + "\"}");
    static final Request LIBRARIES = Request.get("/libraries");

    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.jetty.jar"), "port", jvmOptions, environment);
    }

    @Override
    protected List<Request> requests() {
        return Stream.concat(COMMON_REQUESTS.stream(), Stream.of(JSON_SIGNUP, LIBRARIES)).toList();
    }

    @Override
    protected Map<String, Map<String, Object>> expectedMembers() {
        return Map.of(
                "ada@example.com", Map.of("name", "Ada Lovelace"),
                "grace@example.com", Map.of("name", "Grace Hopper"));
    }

    @Test
    void appKeepsUsingItsOwnJacksonAndHttpClient() {
        Exchange libraries = answersWithAgent().get(requests().indexOf(LIBRARIES));
        assertEquals(200, libraries.status(), libraries.bodyText());
        assertTrue(libraries.bodyText().startsWith("{\"jackson\":\"2.17.2\",\"httpclient5\":\"5.4.4\",\"hello\":\"Hello from"),
                libraries.bodyText());
    }

    @Test
    void jsonSignupReadByTheAppsJacksonIsCapturedToo() {
        assertEquals("Navy", member("grace@example.com").customFields().get("company"));
    }
}
