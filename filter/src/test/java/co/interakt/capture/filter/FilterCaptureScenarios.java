package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.Multipart;
import co.interakt.capture.filter.harness.TestApps;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filter, registered by the application, on a real container sending to a real Interakt-compatible server. */
abstract class FilterCaptureScenarios extends ContainerScenario {

    FilterCaptureScenarios(Containers which) {
        super(which);
    }


    /**
     * {@code params}: the container parses the form; {@code none}: the filter takes it after the app
     * answered, the body having arrived with the request head (it never waits for one on its way).
     */
    @ParameterizedTest(name = "app reads with {0}")
    @ValueSource(strings = {"params", "stream", "reader", "none"})
    void anUrlencodedSignupBecomesAMember(String howTheAppReads) throws Exception {
        start(TestApps.shop(captureSettings()));

        String form = "email=ana%40example.com&name=Ana+Lima&city=Lisboa&plan=pro&company=Acme+%26+Co";
        int status = howTheAppReads.equals("none")
                ? postInOneWrite(TestPaths.SIGNUP, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), "X-Read", "none")
                : postForm(TestPaths.SIGNUP, form, "X-Read", howTheAppReads).statusCode();

        assertEquals(201, status);
        ReceivedRequest member = theOnlyMember();
        assertEquals("ana@example.com", member.email());
        assertEquals("Ana Lima", member.attributes().get("name"));
        assertEquals("Lisboa", member.attributes().get("city"));
        assertEquals(Map.of("plan", "pro", "company", "Acme & Co"), member.customFields());
        assertEquals("Basic dGVzdC1hcHA6dGVzdC1rZXk=", member.header("Authorization"));
    }

    /**
     * Through {@code getReader} the capture records the characters the application got, so it
     * decodes exactly as the application did; the charset is declared here because without one
     * Tomcat decodes as ISO-8859-1 (the Servlet default), for the application and so for us.
     */
    @ParameterizedTest(name = "app reads with {0}")
    @ValueSource(strings = {"reader", "reader-lines", "stream"})
    void aJsonSignupReadByTheAppBecomesAMember(String howTheAppReads) throws Exception {
        start(TestApps.shop(captureSettings()));

        HttpResponse<byte[]> response = post(TestPaths.SIGNUP, "application/json; charset=UTF-8",
                "{\n  \"email\": \"bo@example.com\",\n  \"name\": \"Bo Ström\",\n  \"city\": \"Malmö\",\n  \"plan\": \"team\"\n}",
                "X-Read", howTheAppReads);

        assertEquals(201, response.statusCode());
        ReceivedRequest member = theOnlyMember();
        assertEquals("bo@example.com", member.email());
        assertEquals("Bo Ström", member.attributes().get("name"));
        assertEquals("Malmö", member.attributes().get("city"));
        assertEquals(Map.of("plan", "team"), member.customFields());
    }

    /** {@code parts}: the app parses it with getParts; {@code none}: the filter reads the raw body afterwards. */
    @ParameterizedTest(name = "app reads with {0}")
    @ValueSource(strings = {"parts", "params", "none"})
    void aMultipartSignupNeverForwardsTheFile(String howTheAppReads) throws Exception {
        start(TestApps.shop(captureSettings()));
        Multipart form = new Multipart()
                .field("email", "cy@example.com")
                .field("name", "Cy")
                .field("city", "Porto")
                .file("avatar", "selfie-private.png", "image/png", "PNG-FILE-CONTENT-DO-NOT-FORWARD".getBytes(StandardCharsets.UTF_8));

        int status = howTheAppReads.equals("none")
                ? postInOneWrite(TestPaths.SIGNUP, form.contentType(), form.bytes(), "X-Read", "none")
                : post(TestPaths.SIGNUP, form.contentType(), form.bytes(), "X-Read", howTheAppReads).statusCode();

        assertEquals(201, status);
        ReceivedRequest member = theOnlyMember();
        assertEquals("cy@example.com", member.email());
        assertEquals("Porto", member.attributes().get("city"));
        assertFalse(member.body().contains("PNG-FILE-CONTENT"), member.body());
        assertFalse(member.body().contains("selfie-private"), member.body());
        assertFalse(member.body().contains("avatar"), member.body());
    }

    @Test
    void aRuleThatAsksForEnrichmentGetsTheRequestContext() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.rule.signup.enrich", "client-ip,user-agent,referrer,utm,page-url");
        settings.put("interakt.rule.signup.trusted-proxy-header", "X-Forwarded-For");
        start(TestApps.shop(settings));

        postForm(TestPaths.SIGNUP + "?utm_source=newsletter&reset_token=tok-secret-123", "email=eve%40example.com&name=Eve",
                "User-Agent", "TestBrowser/1.0",
                "Referer", "https://shop.example/pricing?coupon=XYZ",
                "X-Forwarded-For", "203.0.113.7, 10.0.0.1",
                "Cookie", "utm_campaign=spring; session=sess-secret-456");

        ReceivedRequest member = theOnlyMember();
        Map<String, Object> custom = member.customFields();
        assertEquals("203.0.113.7", custom.get("signup_ip"));
        assertEquals("TestBrowser/1.0", custom.get("signup_user_agent"));
        assertEquals("https://shop.example/pricing", custom.get("signup_referrer"));
        assertEquals(root.resolve(TestPaths.SIGNUP).toString(), custom.get("signup_page_url"));
        assertEquals("newsletter", custom.get("utm_source"));
        assertEquals("spring", custom.get("utm_campaign"));
        assertFalse(member.body().contains("tok-secret"), member.body());
        assertFalse(member.body().contains("sess-secret"), member.body());
    }

    @Test
    void failedAnswersAndExceptionsSendNothing() throws Exception {
        start(TestApps.shop(captureSettings()));
        String form = "email=failed%40example.com&name=Failed";

        assertEquals(400, postForm(TestPaths.SIGNUP, form, "X-Status", "400").statusCode());
        assertEquals(422, postForm(TestPaths.SIGNUP, form, "X-Status", "422").statusCode());
        assertEquals(500, postForm(TestPaths.SIGNUP, form, "X-Status", "500").statusCode());
        assertEquals(500, postForm(TestPaths.SIGNUP, form, "X-Fail", "exception").statusCode());

        assertNothingSentBeforeAControlSignup();
    }

    @Test
    void requestsNoRuleMatchesSendNothing() throws Exception {
        start(TestApps.shop(captureSettings()));
        String form = "email=elsewhere%40example.com&name=Elsewhere";

        assertEquals(201, postForm(TestPaths.OTHER, form).statusCode());
        assertTrue(postForm(TestPaths.SIGNUP + "/extra", form).statusCode() >= 400, "no servlet there");
        HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(root.resolve(TestPaths.SIGNUP))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, put.statusCode(), "a PUT: the rule captures POST only");

        assertNothingSentBeforeAControlSignup();
    }

    @Test
    void passwordsAndCsrfTokensAreNeverForwarded() throws Exception {
        start(TestApps.shop(captureSettings()));

        postForm(TestPaths.SIGNUP, "email=dee%40example.com&name=Dee&password=Hunter2-secret&password_confirmation=Hunter2-secret"
                + "&_csrf=csrf-value-1&csrf_token=csrf-value-2&authenticity_token=auth-value-3&card_number=4111111111111111&cvv=123&plan=pro");

        ReceivedRequest member = theOnlyMember();
        assertEquals("dee@example.com", member.email());
        assertEquals(Map.of("plan", "pro"), member.customFields());
        for (String secret : new String[] {"Hunter2", "csrf", "auth-value", "4111", "cvv", "password"}) {
            assertFalse(member.body().toLowerCase().contains(secret.toLowerCase()), secret + " in " + member.body());
        }
    }
}
