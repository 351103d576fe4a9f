package co.interakt.capture.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteraktSandboxTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AUTH = basic("app-1", "key-1");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private InteraktSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new InteraktSandbox("app-1", "key-1").start(0);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acceptsAMemberAndRecordsEverything() throws Exception {
        String body = "{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"created_at\":1257553080,"
                + "\"vip\":true,\"custom_fields\":{\"plan\":\"pro\"}}";

        HttpResponse<String> response = post("/members", body, AUTH, "application/json");

        assertEquals(200, response.statusCode());
        assertEquals("{}", response.body());
        ReceivedRequest r = sandbox.members().get(0);
        assertEquals("POST", r.method());
        assertEquals("/api/v1/members", r.path());
        assertEquals(AUTH, r.header("authorization"));
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(body, r.body());
        assertEquals(Map.of("email", "ann@example.com", "name", "Ann", "created_at", 1257553080, "vip", true), r.attributes());
        assertEquals(Map.of("plan", "pro"), r.customFields());
        assertNull(r.error());
        assertEquals("ann@example.com", r.email());
        assertTrue(sandbox.leads().isEmpty());
        assertEquals(1, sandbox.receivedCount());
        assertEquals(1, sandbox.acceptedCount());
    }

    @Test
    void acceptsALeadWithAnArrayOfOrders() throws Exception {
        HttpResponse<String> response = post("/leads",
                "{\"email\":\"bob@example.com\",\"orders\":[{\"sku\":\"a\",\"qty\":2}]}", AUTH, "application/json; charset=utf-8");

        assertEquals(200, response.statusCode());
        assertEquals(1, sandbox.leads().size());
        assertEquals(List.of(Map.of("sku", "a", "qty", 2)), sandbox.leads().get(0).attributes().get("orders"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no credentials            | /members | {"email":"a@b.co"}                             | none    | application/json | 401 | credentials
            wrong api key             | /members | {"email":"a@b.co"}                             | wrong   | application/json | 401 | credentials
            no email                  | /leads   | {"name":"Ann"}                                 | good    | application/json | 400 | email is required
            empty email               | /members | {"email":" "}                                  | good    | application/json | 400 | email is required
            email not a string        | /members | {"email":42}                                   | good    | application/json | 400 | email is required
            null value                | /members | {"email":"a@b.co","name":null}                 | good    | application/json | 400 | null value in 'name'
            nested object             | /members | {"email":"a@b.co","address":{"city":"X"}}      | good    | application/json | 400 | nested object in 'address'
            nested custom field       | /members | {"email":"a@b.co","custom_fields":{"a":{}}}    | good    | application/json | 400 | custom_fields.a
            null custom field         | /members | {"email":"a@b.co","custom_fields":{"a":null}}  | good    | application/json | 400 | custom_fields.a
            not an object             | /members | ["a@b.co"]                                     | good    | application/json | 400 | JSON object
            malformed JSON            | /members | {"email":                                      | good    | application/json | 400 | malformed JSON
            trailing content          | /members | {"email":"a@b.co"} {}                          | good    | application/json | 400 | trailing
            not JSON content type     | /members | email=a@b.co                                   | good    | application/x-www-form-urlencoded | 415 | Content-Type
            """)
    void refusesWhatInteraktWouldIgnore(String name, String path, String body, String auth, String contentType,
                                        int status, String errorFragment) throws Exception {
        String authorization = switch (auth) {
            case "good" -> AUTH;
            case "wrong" -> basic("app-1", "nope");
            default -> null;
        };

        HttpResponse<String> response = post(path, body, authorization, contentType);

        assertEquals(status, response.statusCode());
        ReceivedRequest r = sandbox.received().get(0);
        assertEquals(status, r.status());
        assertTrue(r.error().contains(errorFragment), r.error());
        assertTrue(response.body().contains("error"), response.body());
        assertTrue(sandbox.members().isEmpty() && sandbox.leads().isEmpty());
        assertEquals(0, sandbox.acceptedCount());
    }

    @Test
    void onlyPostIsAllowedAndUnknownPathsAreNotFound() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/members"))
                .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = post("/members/42", "{\"email\":\"a@b.co\"}", AUTH, "application/json");

        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void scriptedResponsesComeFirstThenNormalBehaviourResumes() throws Exception {
        sandbox.respondNext(2, 503, Map.of("Retry-After", "1")).respondNext(429);
        String body = "{\"email\":\"a@b.co\"}";

        HttpResponse<String> first = post("/members", body, AUTH, "application/json");
        HttpResponse<String> second = post("/members", body, null, "application/json");
        HttpResponse<String> third = post("/members", body, AUTH, "application/json");
        HttpResponse<String> fourth = post("/members", body, AUTH, "application/json");

        assertEquals(503, first.statusCode());
        assertEquals("1", first.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(503, second.statusCode());
        assertEquals(429, third.statusCode());
        assertEquals(200, fourth.statusCode());
        assertEquals(4, sandbox.receivedCount());
        assertEquals(1, sandbox.members().size());
    }

    @Test
    void hangHoldsRequestsUntilReleased() throws Exception {
        sandbox.hang(true);

        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request("/members", "{\"email\":\"a@b.co\"}",
                AUTH, "application/json"), HttpResponse.BodyHandlers.ofString());

        assertTrue(sandbox.awaitHanging(1, WAIT));
        assertFalse(pending.isDone());
        assertEquals(0, sandbox.receivedCount());
        sandbox.hang(false);
        assertEquals(200, pending.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(0, sandbox.hangingCount());
    }

    @Test
    void awaitReportsATimeoutAndClearForgets() throws Exception {
        assertFalse(sandbox.awaitReceived(1, Duration.ofMillis(20)));
        post("/members", "{\"email\":\"a@b.co\"}", AUTH, "application/json");
        assertTrue(sandbox.awaitAccepted(1, WAIT));

        sandbox.clear();

        assertEquals(0, sandbox.receivedCount());
        assertTrue(sandbox.received().isEmpty());
    }

    @Test
    void pageListsNewestFirstAndEscapesWhatClientsSent() throws Exception {
        post("/members", "{\"email\":\"first@example.com\"}", AUTH, "application/json");
        post("/leads", "{\"email\":\"second@example.com\",\"note\":\"<script>alert(1)</script>\"}", AUTH, "application/json");
        post("/members", "{\"email\":\"third@example.com\"}", AUTH, "application/json");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(sandbox.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"1\">"));
        assertFalse(html.contains("<script>"), "client input must be escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.indexOf("third@example.com") < html.indexOf("first@example.com"), "newest first");
    }

    @Test
    void receivedJsonListsNewestFirst() throws Exception {
        post("/members", "{\"email\":\"first@example.com\"}", AUTH, "application/json");
        post("/leads", "{\"email\":\"second@example.com\"}", AUTH, "application/json");

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(sandbox.pageUrl() + "sandbox/received.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, json.statusCode());
        assertTrue(json.body().startsWith("[{"), json.body());
        assertTrue(json.body().indexOf("second@example.com") < json.body().indexOf("first@example.com"));
        assertTrue(json.body().contains("\"target\":\"leads\""));
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        assertThrows(IllegalStateException.class, () -> sandbox.start(0));
        assertTrue(sandbox.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/api/v1"), sandbox.baseUrl());
        sandbox.close();
        sandbox.close();
        assertThrows(IOException.class, () -> post("/members", "{\"email\":\"a@b.co\"}", AUTH, "application/json"));
    }

    private HttpResponse<String> post(String path, String body, String authorization, String contentType) throws Exception {
        return http.send(request(path, body, authorization, contentType), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String body, String authorization, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(WAIT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
