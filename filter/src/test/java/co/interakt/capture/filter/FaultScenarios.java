package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.FaultyPeer;
import co.interakt.capture.filter.harness.FaultyPeer.Fault;
import co.interakt.capture.filter.harness.SenderJmx;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interakt misbehaving while the application takes signups, through a real container with the
 * filter and the real sender. Every case counts exactly: signups sent, members received (and
 * at-least-once duplicates, when an answer was lost after Interakt stored the payload), retries,
 * drops. The application's answers are compared with the same application without the filter.
 */
abstract class FaultScenarios extends ReliabilityScenario {

    FaultScenarios(Containers which) {
        super(which);
    }

    /** Quick retries with a budget no scripted fault can exhaust: the cases are about survival. */
    Map<String, String> patientSettings() {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.retry.max-attempts", "100");
        settings.put("interakt.retry.initial-backoff", "20ms");
        settings.put("interakt.retry.max-backoff", "200ms");
        return settings;
    }

    @Test
    void apiDownThenUpEverySignupIsDelivered() throws Exception {
        int port = freePort();
        sandbox.close(); // the one started for every test; this case needs one on a port nobody listens on yet
        Map<String, String> settings = patientSettings();
        settings.put("interakt.base-url", "http://127.0.0.1:" + port + "/api/v1");
        startShops(settings);
        List<String> emails = emails("down", 10);

        signUpEverywhere(emails); // connection refused all along: the answers are the application's own
        SenderJmx jmx = SenderJmx.local();
        await("every payload was refused at least once", () -> jmx.retried() >= emails.size());
        assertEquals(0, jmx.sent());
        sandbox = new InteraktSandbox(APP_ID, API_KEY).start(port);

        assertTrue(sandbox.awaitAccepted(emails.size(), WAIT), "delivery resumed: " + jmx);
        assertEquals(0, jmx.failed(), jmx.toString());
        stopContainer();
        assertEquals(eachOnce(emails), acceptedMembers(), "refused connections never reach Interakt: no duplicate");
        assertEquals(emails.size(), sandbox.receivedCount());
    }

    @Test
    void errorStatusesAndRetryAfterForAWhileEverySignupIsDeliveredWithBoundedRetries() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.retry.max-attempts", "10"); // more than the 9 scripted failures: none can run out
        settings.put("interakt.retry.max-backoff", "2s");
        startShops(settings);
        sandbox.respondNext(3, 500, Map.of())
                .respondNext(3, 503, Map.of("Retry-After", "1"))
                .respondNext(3, 429, Map.of("Retry-After", "1"));
        List<String> emails = emails("status", 5);

        signUpEverywhere(emails);

        SenderJmx jmx = SenderJmx.local();
        await("every payload delivered", () -> jmx.sent() == emails.size());
        assertEquals(9, jmx.retried(), "one retry per failed answer, no more: " + jmx);
        stopContainer();
        assertEquals(eachOnce(emails), acceptedMembers());
        assertEquals(emails.size() + 9, sandbox.receivedCount(), "requests Interakt saw: each signup once, plus one per scripted failure");
    }

    @Test
    void aPayloadOutlivingItsRetryBudgetIsCountedAsFailedNeverSilentlyLost() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.retry.max-attempts", "3");
        startShops(settings);
        sandbox.respondNext(3, 503, Map.of());

        signUpEverywhere(List.of("budget@example.com"));

        SenderJmx jmx = SenderJmx.local();
        await("the payload is given up", () -> jmx.failed() == 1);
        assertEquals(Map.of("retries-exhausted", 1L), jmx.failedByReason());
        assertEquals(3, sandbox.receivedCount(), "exactly max-attempts requests");
        assertEquals(1, log.linesWith("Interakt delivery gave up on 1 payload(s)").size(), log.text());
        signUpEverywhere(List.of("control@example.com"));
        stopContainer();
        assertEquals(Map.of("control@example.com", 1L), acceptedMembers(), "the next signup goes through");
        assertEquals(4, sandbox.receivedCount());
    }

    @Test
    void apiHangingTheAppNeverWaitsTimeoutsFireAndDeliveryResumes() throws Exception {
        Map<String, String> settings = patientSettings();
        settings.put("interakt.timeout.response", "300ms");
        settings.put("interakt.timeout.total", "1s");
        startShops(settings);
        List<String> before = emails("before-hang", 5);
        signUpEverywhere(before);
        assertTrue(sandbox.awaitAccepted(before.size(), WAIT));

        sandbox.hang(true);
        List<String> during = emails("during-hang", 5);
        signUpEverywhere(during); // every request completes, same answers as without capture ...
        assertEquals(before.size(), sandbox.receivedCount(), "... while Interakt has not answered a single one of them");

        // Two connections at most: a third request held by the sandbox means an attempt was timed out and retried.
        assertTrue(sandbox.awaitHanging(3, WAIT), "timeouts fire");
        SenderJmx jmx = SenderJmx.local();
        assertTrue(jmx.lastError().contains("timed out") || jmx.lastError().contains("timeout"), jmx.lastError());
        assertEquals(0, jmx.failed());

        sandbox.hang(false);
        assertTrue(sandbox.awaitAccepted(before.size() + during.size(), WAIT), "delivery resumes");
        stopContainer();
        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        assertEquals(all.stream().sorted().toList(), List.copyOf(acceptedMembers().keySet()),
                "every signup arrived (an attempt that timed out may have arrived twice: " + acceptedMembers() + ")");
    }

    static Stream<Arguments> brokenAnswers() {
        return Stream.of(
                // fault, retries it causes, extra copies stored (the answer was lost after Interakt stored it)
                Arguments.of(Fault.RESET_BEFORE_ANSWER, 1, 0),
                Arguments.of(Fault.RESET_MID_RESPONSE, 1, 1),
                Arguments.of(Fault.NOT_HTTP, 1, 0),
                Arguments.of(Fault.MALFORMED_JSON_200, 0, 0),
                Arguments.of(Fault.TRUNCATED_200, 1, 1),
                Arguments.of(Fault.BINARY_502, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void brokenAnswersLoseNothing(Fault fault, int retriesEach, int copiesEach) throws Exception {
        try (FaultyPeer peer = new FaultyPeer(sandbox.baseUrl())) {
            Map<String, String> settings = patientSettings();
            settings.put("interakt.base-url", peer.baseUrl());
            startShops(settings);
            int faults = 2;
            peer.faultNext(fault, faults);
            List<String> emails = emails(fault.name().toLowerCase(), 3);

            signUpEverywhere(emails);

            int stored = emails.size() + faults * copiesEach;
            assertTrue(sandbox.awaitAccepted(stored, WAIT), "delivered: " + sandbox.received());
            SenderJmx jmx = SenderJmx.local();
            await("every payload done", () -> jmx.sent() == emails.size());
            assertEquals(faults, peer.faultsServed());
            assertEquals(faults * retriesEach, jmx.retried(), jmx.toString());
            stopContainer();
            assertEquals(emails.size(), acceptedMembers().size(), acceptedMembers().toString());
            assertEquals(stored, sandbox.acceptedCount(), "copies stored: " + acceptedMembers());
            assertEquals(List.of(), log.problems(), "a fault is retried quietly");
            assertEquals(List.of(), log.lines().stream().filter(line -> line.chars().anyMatch(Character::isISOControl)).toList(),
                    "whatever the answer holds, a log line stays one line of text: no CR/LF, escape or NUL from it");
        }
    }

    @Test
    void wrongCredentialsOneAttemptPerSignupAndOneClearWarningWithoutTheKey() throws Exception {
        String wrongKey = "wrong-key-7f3a9c";
        Map<String, String> settings = captureSettings();
        settings.put("interakt.api-key", wrongKey);
        startShops(settings);
        List<String> emails = emails("unauthorized", 5);

        signUpEverywhere(emails);

        SenderJmx jmx = SenderJmx.local();
        await("every payload refused", () -> jmx.failed() == emails.size());
        assertEquals(Map.of("http-401", (long) emails.size()), jmx.failedByReason());
        assertEquals(0, jmx.retried(), "no retry storm");
        stopContainer();
        assertEquals(emails.size(), sandbox.receivedCount(), "exactly one attempt per payload");
        assertTrue(sandbox.received().stream().allMatch(r -> r.status() == 401), sandbox.received().toString());
        List<String> warnings = log.linesWith("INTERAKT_API_KEY");
        assertEquals(1, warnings.size(), log.text());
        assertTrue(warnings.get(0).startsWith("WARNING") && warnings.get(0).contains("interakt.api-key")
                && warnings.get(0).contains("'" + APP_ID + "'"), warnings.get(0));
        assertTrue(log.linesWith(wrongKey).isEmpty(), "the key was logged");
    }

    @Test
    void aBurstOverflowingTheQueueDropsExactlyTheExcessAndTheAppIsUnaffected() throws Exception {
        int capacity = 20;
        int burst = 300;
        Map<String, String> settings = captureSettings();
        settings.put("interakt.queue-capacity", Integer.toString(capacity));
        settings.put("interakt.timeout.response", "60s"); // no attempt ends while the burst runs
        settings.put("interakt.timeout.total", "120s");
        startShops(settings);
        sandbox.hang(true);
        List<String> emails = emails("burst", burst);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> tasks = emails.stream().<Callable<Void>>map(email -> () -> {
                signUpEverywhere(List.of(email));
                return null;
            }).toList();
            for (Future<Void> done : clients.invokeAll(tasks)) {
                done.get(); // rethrows a failed comparison
            }
        } finally {
            clients.shutdownNow();
        }

        SenderJmx jmx = SenderJmx.local();
        long dropped = jmx.dropped();
        assertEquals(capacity, jmx.submitted(), jmx.toString());
        assertEquals(burst - capacity, dropped, jmx.toString());
        assertEquals(capacity, jmx.queueDepth(), "memory bounded: never more than the capacity pending");
        assertEquals(1, log.linesWith("Interakt capture queue full (" + capacity + " pending)").size(), "one warning, not one per drop");
        sandbox.hang(false);
        stopContainer();
        assertEquals(capacity, acceptedMembers().size());
        assertEquals(burst, acceptedMembers().size() + dropped, "received + dropped == sent");
    }

    @Test
    void gracefulShutdownDeliversTheBacklogWithinTheGracePeriod() throws Exception {
        List<String> emails = backlogWhileHanging("30s", "backlog", 10);

        Thread stopping = new Thread(() -> {
            try {
                stopContainer();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "container-stop");
        stopping.start();
        await("the container's stop waits in the sender's shutdown for the backlog", () -> Arrays.stream(stopping.getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("awaitDrained")));
        sandbox.hang(false);
        stopping.join(WAIT.toMillis());

        assertEquals(eachOnce(emails), acceptedMembers());
        assertEquals(1, log.linesWith("Interakt sender closed: " + emails.size() + " pending payload(s) delivered or failed").size(),
                log.text());
    }

    @Test
    void shutdownWithTheApiStillHangingStopsAfterTheGraceAndReportsWhatWasLeft() throws Exception {
        backlogWhileHanging("500ms", "left", 5);

        stopContainer(); // returns: the grace period bounds how long the application's shutdown waits

        assertEquals(0, sandbox.receivedCount());
        List<String> report = log.linesWith("5 of 5 pending payload(s) not delivered");
        assertEquals(1, report.size(), log.text());
        assertTrue(report.get(0).startsWith("WARNING") && report.get(0).contains("interakt.shutdown-grace"), report.get(0));
    }

    /** Signups taken while Interakt hangs: all pending (two of them held by the sandbox) when this returns. */
    private List<String> backlogWhileHanging(String shutdownGrace, String prefix, int count) throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.shutdown-grace", shutdownGrace);
        startShops(settings);
        sandbox.hang(true);
        List<String> emails = emails(prefix, count);
        signUpEverywhere(emails);
        assertTrue(sandbox.awaitHanging(2, WAIT));
        assertEquals(count, SenderJmx.local().queueDepth(), "the backlog");
        return emails;
    }


    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
