package co.interakt.capture.examples.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The README's demo, as a person uses it: {@code ./demo.sh} starts the sandbox and the signup app
 * with the agent; headless Chromium fills in the sign-up form and submits it; the member must reach
 * the sandbox with what was typed and without the password, and show on the sandbox's page. Then
 * the demo is stopped as with Ctrl-C and must take both servers down.
 *
 * <p>Screenshots of the three pages land in {@code target/it-work/DemoInBrowserIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.Required.class)
class DemoInBrowserIT {
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String PASSWORD = "Analytical-Engine-1843";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work = Path.of(System.getProperty("it.work.dir", "target/it-work"), getClass().getSimpleName());
    private DemoProcess demo;
    private ChromeDriver browser;

    private String welcomeTitle;
    private List<Object> received;
    private String membersColumn;
    private int demoExit;
    private String demoOutput;

    @BeforeAll
    void signUpInTheBrowser() throws Exception {
        Chromium.requireInstalled();
        demo = DemoProcess.start(work.resolve("demo.log"));
        browser = Chromium.start(work.resolve("chromium-profile-" + System.nanoTime()));

        browser.get(demo.appUrl("/signup"));
        browser.findElement(By.id("email")).sendKeys(EMAIL);
        browser.findElement(By.id("name")).sendKeys("Ada Lovelace");
        browser.findElement(By.id("city")).sendKeys("London");
        browser.findElement(By.id("country")).sendKeys("United Kingdom");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#plan option[value='business']")).click();
        browser.findElement(By.id("newsletter")).click();
        screenshot("1-signup-form.png");
        browser.findElement(By.id("submit")).click();
        welcomeTitle = await("the welcome page", () -> browser.getTitle().startsWith("Welcome") ? browser.findElement(By.id("title")).getText() : null);
        screenshot("2-welcome.png");

        await("a member in the sandbox", () -> receivedJson().isEmpty() ? null : true);
        browser.get(demo.sandboxUrl("/"));
        // The page refreshes itself every second: read it again until the member is there.
        membersColumn = await("the member on the sandbox page", () -> {
            String text = browser.findElement(By.xpath("//div[@class='col'][h2='Members']")).getText();
            return text.contains(EMAIL) ? text : null;
        });
        screenshot("3-sandbox.png");
        received = receivedJson();

        demoExit = demo.stop();
        demoOutput = demo.output();
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theAppWelcomesTheNewUser() {
        assertEquals("Welcome, Ada Lovelace!", welcomeTitle);
    }

    @Test
    void theSandboxReceivedExactlyOneMemberWithTheEnteredValuesAndNoPassword() throws IOException {
        assertEquals(1, received.size(), "received: " + received);
        Map<?, ?> request = (Map<?, ?>) received.get(0);
        assertEquals("/api/v1/members", request.get("path"));
        assertEquals(200, ((Number) request.get("status")).intValue(), "refused: " + request.get("error"));
        String body = (String) request.get("body");
        Map<?, ?> member = (Map<?, ?>) Json.parse(body);
        assertAll(
                () -> assertEquals(EMAIL, member.get("email")),
                () -> assertEquals("Ada Lovelace", member.get("name")),
                () -> assertEquals("London", member.get("city")),
                () -> assertEquals("United Kingdom", member.get("country")),
                () -> assertEquals(Map.of("plan", "business", "newsletter", "yes"), member.get("custom_fields")),
                () -> assertFalse(body.contains(PASSWORD), "the password was forwarded: " + body),
                () -> assertFalse(body.toLowerCase(java.util.Locale.ROOT).contains("password"), "a password field was forwarded: " + body));
    }

    @Test
    void theSandboxPageListsTheMemberWithItsRawJson() {
        assertAll(
                () -> assertTrue(membersColumn.contains(EMAIL), membersColumn),
                () -> assertTrue(membersColumn.contains("\"city\":\"London\""), membersColumn),
                () -> assertFalse(membersColumn.contains(PASSWORD), membersColumn));
    }

    @Test
    void stoppingTheDemoStopsTheAppAndTheSandbox() {
        assertAll(
                () -> assertEquals(143, demoExit, "exit code after SIGTERM\n" + demoOutput),
                () -> assertTrue(demoOutput.contains("Demo stopped."), demoOutput),
                () -> assertFalse(DemoProcess.listening(demo.appPort), "the app still listens"),
                () -> assertFalse(DemoProcess.listening(demo.sandboxPort), "the sandbox still listens"));
    }

    private List<Object> receivedJson() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(demo.sandboxUrl("/sandbox/received.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) Json.parse(answer.body());
            return list;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code probe} gives a value; a browser error while a page (re)loads counts as "not yet". */
    private <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (WebDriverException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        screenshot("failed-waiting.png");
        throw new AssertionError("no " + what + " after " + PATIENCE + "; demo output:\n" + demo.output(), last);
    }

    private void screenshot(String name) {
        try {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, work.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | WebDriverException e) {
            System.out.println("no screenshot " + name + ": " + e);
        }
    }
}
