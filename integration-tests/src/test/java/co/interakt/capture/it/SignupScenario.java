package co.interakt.capture.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What every app here goes through: each {@link Shape} is sent once to the app started with
 * capture (the agent, or the filter switched on) and once to the same app without it; then both
 * stop (the capture delivers its queue on the way out) and the tests look at what reached the
 * sandbox and at the answers. One start of each app per test class; one dynamic test per shape
 * and check, so a report names the shapes that fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SignupScenario {
    protected final InteraktSandbox sandbox = new InteraktSandbox(ItSetup.APP_ID, ItSetup.API_KEY);
    private RunningApp withCapture;
    private RunningApp withoutCapture;
    private final Map<String, HttpCall.Answer> answersWith = new LinkedHashMap<>();
    private final Map<String, HttpCall.Answer> answersWithout = new LinkedHashMap<>();

    @RegisterExtension
    final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogs();
        }
    };

    /** Starts the app (without waiting for it) with these JVM options and environment; {@code name} names its log. */
    protected abstract RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception;

    /** The signups sent to the app, in order. */
    protected abstract List<Shape> shapes();

    /** JVM options of the run that captures: the agent and the settings. */
    protected List<String> captureOptions() {
        return ItSetup.concat(ItSetup.agentOptions(sandbox), ItSetup.verboseCaptureLogging());
    }

    /** JVM options of the run the answers are compared with: the same settings, no agent. */
    protected List<String> baselineOptions() {
        return ItSetup.concat(ItSetup.settings(sandbox), ItSetup.verboseCaptureLogging());
    }

    /** A line the capturing run's log must hold, proving the capture was there at all. */
    protected String captureStartedLine() {
        return "Interakt capture sending to ";
    }

    @BeforeAll
    void runScenario() throws Exception {
        sandbox.start(0);
        try {
            withCapture = launch("with-capture", captureOptions(), ItSetup.environment());
            withoutCapture = launch("without-capture", baselineOptions(), ItSetup.environment());
            CompletableFuture<RunningApp> other = CompletableFuture.supplyAsync(withoutCapture::awaitReady);
            withCapture.awaitReady();
            other.join();
            for (Shape shape : shapes()) {
                answersWith.put(shape.id(), HttpCall.send(withCapture.base(), shape.request()));
                answersWithout.put(shape.id(), HttpCall.send(withoutCapture.base(), shape.request()));
            }
            withCapture.process().stop();
            withoutCapture.process().stop();
        } catch (Throwable t) {
            printLogs();
            throw t;
        }
    }

    @AfterAll
    void cleanUp() {
        for (RunningApp app : new RunningApp[] {withCapture, withoutCapture}) {
            if (app != null) {
                app.close();
            }
        }
        sandbox.close();
    }

    /** Exactly one member per accepted signup, with its email, name and city; none for a refused one. */
    @TestFactory
    Stream<DynamicTest> capture() {
        return shapes().stream().map(shape -> dynamicTest("capture " + shape.id(), () -> {
            List<ReceivedRequest> members = sandbox.members().stream().filter(r -> shape.email().equals(r.email())).toList();
            if (!shape.forwarded()) {
                assertEquals(0, members.size(), shape.id() + " was refused by the app (answered "
                        + answersWith.get(shape.id()).status() + ") but forwarded: " + members);
                return;
            }
            assertEquals(1, members.size(), shape.id() + ": members with its email (answer " + answersWith.get(shape.id()).status()
                    + "); the app's log says: " + captureLines());
            ReceivedRequest member = members.get(0);
            assertAll(
                    () -> assertEquals(Shape.NAME, member.attributes().get("name"), "name; body " + member.body()),
                    () -> assertEquals(Shape.CITY, member.attributes().get("city"), "city; body " + member.body()));
        }));
    }

    /** The app answers each request exactly as it does without the capture. */
    @TestFactory
    Stream<DynamicTest> answers() {
        return shapes().stream().map(shape -> dynamicTest("answer " + shape.id(), () -> {
            HttpCall.Answer with = answersWith.get(shape.id());
            HttpCall.Answer without = answersWithout.get(shape.id());
            assertAll(
                    () -> assertEquals(without.status(), with.status(), "status"),
                    () -> assertEquals(without.headers(), with.headers(), "headers"),
                    () -> assertArrayEquals(without.body(), with.body(), "body: " + with.bodyText()));
        }));
    }

    @Test
    void withoutCaptureTheAppAnswersAsItsShapeSays() {
        assertAll(shapes().stream().map(shape -> () -> assertEquals(shape.status(), answersWithout.get(shape.id()).status(),
                shape.id() + ": the app itself does not answer as expected, so the shape proves nothing: "
                        + answersWithout.get(shape.id()).bodyText())));
    }

    @Test
    void nothingButTheShapesMembersIsSent() {
        Set<String> expected = shapes().stream().filter(Shape::forwarded).map(Shape::email).collect(Collectors.toSet());
        List<String> unexpected = sandbox.received().stream()
                .filter(r -> !r.target().equals("members") || !expected.contains(r.email()))
                .map(r -> r.target() + " " + r.email()).toList();
        assertEquals(List.of(), unexpected);
    }

    @Test
    void noPasswordIsForwarded() {
        assertAll(sandbox.received().stream().map(r -> () -> {
            assertFalse(r.body().contains(Shape.PASSWORD), "password value forwarded: " + r.body());
            assertFalse(r.body().toLowerCase(java.util.Locale.ROOT).contains("password"), "password field forwarded: " + r.body());
        }));
    }

    /**
     * A refused signup is skipped because of the app's answer, not lost on the way for another
     * reason (the engine logs {@code status-not-success} at DEBUG, which these runs show).
     */
    @Test
    void refusedSignupsAreSkippedForTheirStatus() {
        long refused = shapes().stream().filter(shape -> !shape.forwarded()).count();
        long skippedForStatus = withCapture.log().lines().filter(line -> line.contains("reason=status-not-success")).count();
        assertEquals(refused, skippedForStatus, "skip lines for status-not-success; the capture's lines:" + captureLines());
    }

    /** No shape here makes the capture fail (it would still leave the app alone, but lose the signup). */
    @Test
    void theCaptureNeverFails() {
        List<String> failures = withCapture.log().lines().filter(line -> line.contains("Interakt capture failed")).toList();
        assertEquals(List.of(), failures);
    }

    @Test
    void captureRanAndNeverLoggedTheKeyOrAPassword() {
        String log = withCapture.log();
        assertAll(
                () -> assertTrue(log.contains(captureStartedLine()), "no '" + captureStartedLine() + "' in the log"),
                () -> assertFalse(log.contains(ItSetup.API_KEY), "the API key was logged"),
                () -> assertFalse(log.contains(Shape.PASSWORD), "a password value was logged"));
    }

    /**
     * The capture's skip and failure lines of the whole run (they do not name the request; the
     * shapes are sent one after the other, in {@link #shapes()} order), to say why one was lost.
     */
    private String captureLines() {
        return withCapture.log().lines()
                .filter(line -> line.contains("capture skipped") || line.contains("capture failed") || line.contains("WARN"))
                .limit(30)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private void printLogs() {
        for (RunningApp app : new RunningApp[] {withCapture, withoutCapture}) {
            if (app != null) {
                System.out.println("----- " + getClass().getSimpleName() + " " + app.process().name() + " output -----\n" + app.log());
            }
        }
    }
}
