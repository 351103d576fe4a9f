package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.config.Target;
import co.interakt.capture.payload.InteraktPayload;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sender against the real sandbox server over loopback HTTP. */
class InteraktSenderTest extends AgainstTheSandbox {
    static final Duration WAIT = Duration.ofSeconds(10);


    private InteraktSender start(TestSettings settings) {
        return start(settings.build(), InteraktSender.DEFAULT_WORKERS);
    }

    private InteraktSender start(DeliverySettings settings, int workers) {
        InteraktSender sender = InteraktSender.start(settings, workers);
        closeAfterTest(sender);
        return sender;
    }

    static void awaitMetrics(InteraktSender sender, Predicate<SenderMetrics> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(sender.metrics())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never matched; last: " + sender.metrics());
            }
            Thread.sleep(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void postsTheExactJsonWithAuthAndHeaders(Target target) throws Exception {
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()));
        InteraktPayload payload = Payloads.of(target, "ann@example.com");

        assertTrue(sender.submit(payload));

        assertTrue(sandbox.awaitAccepted(1, WAIT));
        ReceivedRequest r = sandbox.received().get(0);
        assertEquals("POST", r.method());
        assertEquals("/api/v1/" + target.path(), r.path());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                (TestSettings.APP_ID + ":" + TestSettings.API_KEY).getBytes(StandardCharsets.UTF_8)), r.header("Authorization"));
        assertEquals(UserAgent.VALUE, r.header("User-Agent"));
        assertTrue(UserAgent.VALUE.matches("interakt-capture-java/\\S+"), UserAgent.VALUE);
        assertEquals(new String(payload.toJson(), StandardCharsets.UTF_8), r.body());
        assertEquals("{\"email\":\"ann@example.com\",\"name\":\"Ann Example\",\"created_at\":1257553080,"
                + "\"custom_fields\":{\"plan\":\"pro\"}}", r.body());
        awaitMetrics(sender, m -> m.sent() == 1);
        SenderMetrics m = sender.metrics();
        assertEquals(1, m.submitted());
        assertEquals(0, m.retried() + m.failed() + m.dropped());
    }

    @Test
    void retriesA500AndDeliversOnce() throws Exception {
        sandbox.respondNext(500);
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()));

        sender.submit(Payloads.member("ann@example.com"));

        assertTrue(sandbox.awaitAccepted(1, WAIT));
        awaitMetrics(sender, m -> m.sent() == 1);
        assertEquals(List.of(500, 200), sandbox.received().stream().map(ReceivedRequest::status).toList());
        assertEquals(1, sandbox.members().size());
        assertEquals(1, sender.metrics().retried());
        assertTrue(sender.metrics().lastError().contains("HTTP 500"), sender.metrics().lastError());
    }

    @Test
    void honoursRetryAfterOnA429() throws Exception {
        sandbox.respondNext(429, Map.of("Retry-After", "1"));
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).maxBackoff(Duration.ofSeconds(5)));

        sender.submit(Payloads.member("ann@example.com"));

        assertTrue(sandbox.awaitAccepted(1, WAIT));
        List<ReceivedRequest> received = sandbox.received();
        assertEquals(List.of(429, 200), received.stream().map(ReceivedRequest::status).toList());
        // A lower bound only: without Retry-After the test backoff would be ~10 ms.
        Duration waited = Duration.between(received.get(0).receivedAt(), received.get(1).receivedAt());
        assertTrue(waited.compareTo(Duration.ofMillis(900)) >= 0, "retried after only " + waited);
        awaitMetrics(sender, m -> m.sent() == 1 && m.retried() == 1);
    }

    @Test
    void doesNotRetryA400() throws Exception {
        sandbox.respondNext(400);
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()));

        sender.submit(Payloads.member("ann@example.com"));

        awaitMetrics(sender, m -> m.failed() == 1);
        SenderMetrics m = sender.metrics();
        assertEquals(Map.of("http-400", 1L), m.failedByReason());
        assertEquals(0, m.retried());
        assertEquals(0, m.queueDepth());
        assertEquals(1, sandbox.receivedCount());
    }

    @Test
    void wrongCredentialsAreNotRetriedAndWarnedAboutOnceByKeyName() throws Exception {
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).apiKey("sk-WRONG-0000"));

        sender.submit(Payloads.member("ann@example.com"));
        sender.submit(Payloads.member("bob@example.com"));

        awaitMetrics(sender, m -> m.failed() == 2);
        assertEquals(Map.of("http-401", 2L), sender.metrics().failedByReason());
        assertEquals(2, sandbox.receivedCount());
        List<String> warnings = logs.lines(Level.WARNING, "refused the credentials");
        assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
        assertTrue(warnings.get(0).contains("interakt.api-key") && warnings.get(0).contains("INTERAKT_API_KEY"));
        assertTrue(warnings.get(0).contains(TestSettings.APP_ID));
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains("sk-WRONG-0000")), "the wrong key was logged");
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        sandbox.respondNext(10, 503, Map.of());
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).maxAttempts(3));

        sender.submit(Payloads.member("ann@example.com"));

        awaitMetrics(sender, m -> m.failed() == 1);
        assertEquals(Map.of("retries-exhausted", 1L), sender.metrics().failedByReason());
        assertEquals(2, sender.metrics().retried());
        assertEquals(3, sandbox.receivedCount());
        assertEquals(1, logs.lines(Level.WARNING, "gave up").size());
    }

    @Test
    void deliversEverythingQueuedWhileTheServerWasDown() throws Exception {
        int port = freePort();
        InteraktSender sender = start(TestSettings.to("http://127.0.0.1:" + port + "/api/v1").maxAttempts(100));
        List<String> emails = IntStream.range(0, 5).mapToObj(i -> "user" + i + "@example.com").toList();

        emails.forEach(e -> sender.submit(Payloads.member(e)));
        awaitMetrics(sender, m -> m.retried() >= 5);
        try (InteraktSandbox late = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(port)) {
            assertTrue(late.awaitAccepted(5, WAIT));
            assertEquals(emails, late.members().stream().map(ReceivedRequest::email).sorted().toList());
            awaitMetrics(sender, m -> m.sent() == 5 && m.queueDepth() == 0);
        }
        assertTrue(sender.metrics().lastError().contains("Connect"), sender.metrics().lastError());
    }

    @Test
    void overflowDropsTheNewestCountsThemAndNeverBlocks() throws Exception {
        sandbox.hang(true);
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).queueCapacity(5).shutdownGrace(Duration.ZERO).build(), 1);

        // In the test thread: if submit blocked, this would hang; the timeout is a deadlock guard only.
        List<Boolean> accepted = assertTimeoutPreemptively(WAIT, () -> IntStream.range(0, 8)
                .mapToObj(i -> sender.submit(Payloads.member("user" + i + "@example.com"))).toList());

        assertEquals(List.of(true, true, true, true, true, false, false, false), accepted);
        SenderMetrics m = sender.metrics();
        assertEquals(5, m.submitted());
        assertEquals(3, m.dropped());
        assertEquals(5, m.queueDepth());
        List<String> warnings = logs.lines(Level.WARNING, "queue full");
        assertEquals(1, warnings.size(), "rate-limited to one line a minute");
        assertTrue(warnings.get(0).contains("interakt.queue-capacity"));

        sandbox.hang(false);
        assertTrue(sandbox.awaitAccepted(5, WAIT));
        awaitMetrics(sender, x -> x.sent() == 5 && x.queueDepth() == 0);
    }

    @Test
    void closeFlushesWhatIsQueued() throws Exception {
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()));
        IntStream.range(0, 20).forEach(i -> sender.submit(Payloads.member("user" + i + "@example.com")));

        CloseReport report = sender.shutdown();

        assertTrue(report.complete(), report.toString());
        assertEquals(20, sandbox.acceptedCount());
        assertEquals(20, sender.metrics().sent());
        assertEquals(1, logs.lines(Level.INFO, "Interakt sender closed").size());
    }

    @Test
    void closeGivesUpAfterTheGracePeriodAndReportsTheRest() throws Exception {
        sandbox.hang(true);
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).shutdownGrace(Duration.ofMillis(200)).build(), 1);
        IntStream.range(0, 3).forEach(i -> sender.submit(Payloads.member("user" + i + "@example.com")));
        assertTrue(sandbox.awaitHanging(1, WAIT));

        CloseReport report = assertTimeoutPreemptively(WAIT, sender::shutdown);

        assertEquals(new CloseReport(3, 3, report.took()), report);
        assertFalse(report.complete());
        assertSame(report, sender.shutdown(), "idempotent");
        assertFalse(sender.submit(Payloads.member("late@example.com")), "no intake after close");
        assertEquals(1, sender.metrics().dropped());
        List<String> warnings = logs.lines(Level.WARNING, "3 of 3 pending");
        assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
        assertTrue(warnings.get(0).contains("interakt.shutdown-grace"));
    }

    @Test
    void anAttemptIsCutAtTheTotalTimeout() throws Exception {
        sandbox.hang(true);
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).maxAttempts(1).totalTimeout(Duration.ofMillis(300)));

        sender.submit(Payloads.member("ann@example.com"));

        awaitMetrics(sender, m -> m.failed() == 1);
        assertEquals(Map.of("retries-exhausted", 1L), sender.metrics().failedByReason());
        assertTrue(sender.metrics().lastError().contains("total timeout"), sender.metrics().lastError());
    }

    @Test
    void workersAreNamedDaemonThreadsThatStopOnClose() throws Exception {
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()));

        List<Thread> threads = senderThreads();
        assertEquals(List.of("interakt-capture-sender-1", "interakt-capture-sender-2"),
                threads.stream().map(Thread::getName).filter(n -> !n.endsWith("timer")).sorted().toList());
        assertTrue(threads.stream().allMatch(Thread::isDaemon));

        sender.close();
        for (Thread t : threads) {
            t.join(WAIT.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
    }

    private static List<Thread> senderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(InteraktSender.THREAD_PREFIX) && t.isAlive()).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
