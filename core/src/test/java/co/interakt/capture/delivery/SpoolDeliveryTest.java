package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.FsyncPolicy;
import co.interakt.capture.config.SpoolSettings;
import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.spool.SpoolStatus;
import co.interakt.capture.payload.InteraktPayload;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sender with the on-disk spool, against the real sandbox: payloads outlive the sender,
 * damage is skipped, the bound is kept, a second sender on the directory falls back to memory.
 * The kill -9 case, which needs a separate JVM, is in {@link SpoolCrashIT}.
 */
class SpoolDeliveryTest extends AgainstTheSandbox {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;


    // ---- helpers -------------------------------------------------------------------------------

    static InteraktPayload payload(int i) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", "user" + i + "@example.com");
        attributes.put("name", "Zoë Ünal " + i); // multi-byte UTF-8: the bytes must come back exactly
        attributes.put("created_at", 1_700_000_000L + i);
        return new InteraktPayload(i % 3 == 0 ? Target.LEADS : Target.MEMBERS, attributes, Map.of("plan", "pro"));
    }

    static List<InteraktPayload> payloads(int count) {
        return IntStream.range(0, count).mapToObj(SpoolDeliveryTest::payload).toList();
    }

    static String json(InteraktPayload p) {
        return new String(p.toJson(), StandardCharsets.UTF_8);
    }

    private SpoolSettings spool() {
        return SpoolSettings.in(dir);
    }

    private InteraktSender start(TestSettings settings, int workers) {
        InteraktSender sender = InteraktSender.start(settings.build(), workers);
        closeAfterTest(sender);
        return sender;
    }

    /** Submits everything while nothing listens, then closes at once: all of it stays in the spool. */
    private List<Boolean> spoolWhileDown(SpoolSettings spool, List<InteraktPayload> payloads) throws IOException {
        InteraktSender sender = InteraktSender.start(TestSettings.to(deadUrl()).spool(spool).maxAttempts(1)
                .shutdownGrace(Duration.ZERO).build(), 1);
        List<Boolean> accepted = payloads.stream().map(sender::submit).toList();
        CloseReport report = sender.shutdown();
        assertEquals(accepted.stream().filter(a -> a).count(), report.left(), "everything accepted is kept: " + report);
        return accepted;
    }

    /** Starts a sender on the spool with the sandbox up and waits until the spool is empty. */
    private InteraktSender deliverAll(int workers) throws InterruptedException {
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).spool(spool()), workers);
        await(() -> sender.spoolStatus().orElseThrow().outstanding() == 0, () -> "spool never emptied: " + sender.spoolStatus());
        return sender;
    }

    static String deadUrl() throws IOException {
        return "http://127.0.0.1:" + InteraktSenderTest.freePort() + "/api/v1";
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(5);
        }
    }

    private List<String> receivedBodies() {
        return sandbox.received().stream().filter(ReceivedRequest::accepted).map(ReceivedRequest::body).toList();
    }

    private static List<String> sorted(List<String> bodies) {
        return bodies.stream().sorted().toList();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- restart -------------------------------------------------------------------------------

    @Test
    void whatAClosedSenderCouldNotDeliverIsSentByTheNextOneExactlyOnce() throws Exception {
        List<InteraktPayload> payloads = payloads(30);
        spoolWhileDown(spool(), payloads);
        assertEquals(1, logs.lines(Level.INFO, "30 of 30 pending payload(s) kept in the spool").size(), String.join("\n", logs.lines()));

        InteraktSender sender = deliverAll(2);

        assertEquals(sorted(payloads.stream().map(SpoolDeliveryTest::json).toList()), sorted(receivedBodies()));
        assertEquals(30, sandbox.receivedCount(), "none twice");
        assertEquals(30, sender.metrics().sent());
        assertTrue(sender.shutdown().complete());
        assertEquals(List.of("spool.lock"), fileNames(), "acknowledged segments are deleted");

        deliverAll(2).shutdown();
        assertEquals(30, sandbox.receivedCount(), "a third start finds nothing to send again");
    }

    @Test
    void aBacklogIsReplayedInOrderThroughABoundedMemoryWindow() throws Exception {
        List<InteraktPayload> payloads = payloads(40);
        spoolWhileDown(spool(), payloads);
        sandbox.hang(true);

        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).spool(spool()).queueCapacity(5), 1);

        assertTrue(sandbox.awaitHanging(1, WAIT));
        await(() -> sender.metrics().queueDepth() == 5, () -> "the window never filled: " + sender.metrics());
        assertEquals(5, sender.metrics().queueDepth(), "only queue-capacity payloads in memory");
        assertEquals(40, sender.spoolStatus().orElseThrow().outstanding(), "the rest waits on disk");
        sandbox.hang(false);
        assertTrue(sandbox.awaitAccepted(40, WAIT));
        assertEquals(payloads.stream().map(SpoolDeliveryTest::json).toList(), receivedBodies(), "one worker: journal order");
    }

    // ---- acknowledgement rules -----------------------------------------------------------------

    @Test
    void aPermanentRefusalIsAcknowledgedSoItIsNotReplayedForever() throws Exception {
        sandbox.respondNext(400);
        InteraktSender first = start(TestSettings.to(sandbox.baseUrl()).spool(spool()), 1);
        first.submit(payload(1));
        InteraktSenderTest.awaitMetrics(first, m -> m.failed() == 1);
        assertEquals(Map.of("http-400", 1L), first.metrics().failedByReason());
        assertEquals(0, first.spoolStatus().orElseThrow().outstanding());
        first.shutdown();

        deliverAll(1).shutdown();
        assertEquals(1, sandbox.receivedCount(), "the refused payload was not sent again");
    }

    @Test
    void retryableFailuresAreNotGivenUpWhileTheSpoolHoldsThePayload() throws Exception {
        sandbox.respondNext(6, 503, Map.of());
        InteraktSender sender = start(TestSettings.to(sandbox.baseUrl()).spool(spool()).maxAttempts(2), 1);

        sender.submit(payload(1));

        InteraktSenderTest.awaitMetrics(sender, m -> m.sent() == 1);
        assertEquals(0, sender.metrics().failed());
        assertEquals(6, sender.metrics().retried(), "max-attempts (2) does not apply to spooled payloads");
        assertTrue(sender.metrics().lastError().contains("kept in the spool, retried until delivered"),
                sender.metrics().lastError());
    }

    @Test
    void refusedCredentialsKeepTheBacklogForARestartWithTheRightKey() throws Exception {
        InteraktSender wrongKey = start(TestSettings.to(sandbox.baseUrl()).apiKey("sk-WRONG-0000").spool(spool()), 1);
        payloads(3).forEach(wrongKey::submit);
        InteraktSenderTest.awaitMetrics(wrongKey, m -> m.failed() == 3);
        assertEquals(Map.of("http-401", 3L), wrongKey.metrics().failedByReason());
        assertEquals(3, wrongKey.spoolStatus().orElseThrow().outstanding(), "not acknowledged");
        List<String> warnings = logs.lines(Level.WARNING, "refused the credentials");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("the spool keeps them for a restart with the right key"), warnings.get(0));
        assertEquals(3, wrongKey.shutdown().left());

        deliverAll(1).shutdown();
        assertEquals(payloads(3).stream().map(SpoolDeliveryTest::json).toList(), receivedBodies());
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains("sk-WRONG-0000")), "the wrong key was logged");
    }

    // ---- damage --------------------------------------------------------------------------------

    /** What a crash (or a disk) can do to the end of the last segment, and what survives it. */
    enum Damage {
        TRUNCATED_PAYLOAD(9, "truncated record"),
        TRUNCATED_HEADER(9, "truncated record header"),
        FLIPPED_JSON_BYTE(9, "checksum mismatch"),
        FLIPPED_TARGET_BYTE(9, "checksum mismatch"),
        ZEROED_TAIL(10, "impossible record length 0"),
        GARBAGE_TAIL(10, "");

        final int survivors;
        final String reason;

        Damage(int survivors, String reason) {
            this.survivors = survivors;
            this.reason = reason;
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedTailIsSkippedWithAWarningAndTheRestDelivered(Damage damage) throws Exception {
        List<InteraktPayload> payloads = payloads(10);
        spoolWhileDown(spool(), payloads);
        List<Path> segments = segmentFiles();
        assertEquals(1, segments.size(), segments.toString());
        Path segment = segments.get(0);
        long size = Files.size(segment);
        long lastRecord = size - (8 + 1 + payloads.get(9).toJson().length);
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            switch (damage) {
                case TRUNCATED_PAYLOAD -> file.truncate(size - 3);
                case TRUNCATED_HEADER -> file.truncate(lastRecord + 5);
                case FLIPPED_JSON_BYTE -> flip(file, size - 2);
                case FLIPPED_TARGET_BYTE -> flip(file, lastRecord + 8);
                case ZEROED_TAIL -> file.write(ByteBuffer.allocate(4096), size);
                case GARBAGE_TAIL -> file.write(ByteBuffer.wrap("\u00ff\u00feXYZ not a record at all".getBytes(StandardCharsets.ISO_8859_1)), size);
            }
        }

        deliverAll(1).shutdown();

        assertEquals(payloads.subList(0, damage.survivors).stream().map(SpoolDeliveryTest::json).toList(), receivedBodies());
        long damagedAt = damage.survivors == 10 ? size : lastRecord;
        List<String> warnings = logs.lines(Level.WARNING, segment.getFileName() + " is damaged at byte " + damagedAt);
        assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
        assertTrue(warnings.get(0).contains(damage.reason), warnings.get(0));
        assertTrue(warnings.get(0).contains("kept the " + damage.survivors + " record(s)"), warnings.get(0));
        assertFalse(warnings.get(0).contains("@example.com"), "no payload data in the log");
        assertEquals(List.of("spool.lock"), fileNames(), "the damaged segment is gone once the rest is delivered");
    }

    private static void flip(FileChannel file, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        file.read(one, at);
        file.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x5A)}), at);
    }

    // ---- bound ---------------------------------------------------------------------------------

    @Test
    void aFullSpoolDropsTheNewestCountsEachDropAndKeepsItsBound() throws Exception {
        SpoolSettings small = spool().withMaxBytes(64 * 1024);
        List<InteraktPayload> payloads = payloads(900);
        InteraktSender sender = start(TestSettings.to(deadUrl()).spool(small).shutdownGrace(Duration.ZERO), 1);

        List<Boolean> accepted = payloads.stream().map(sender::submit).toList();

        int kept = (int) accepted.stream().filter(a -> a).count();
        assertTrue(kept > 100 && kept < 900, "kept " + kept);
        assertEquals(accepted.subList(0, kept).stream().distinct().toList(), List.of(true), "the newest are dropped");
        assertEquals(900 - kept, sender.metrics().dropped());
        assertEquals(kept, sender.metrics().submitted());
        SpoolStatus status = sender.spoolStatus().orElseThrow();
        assertTrue(status.usedBytes() <= 64 * 1024, status.toString());
        assertEquals(kept, status.outstanding());
        List<String> warnings = logs.lines(Level.WARNING, "spool full");
        assertEquals(1, warnings.size(), "rate-limited to one line a minute");
        assertTrue(warnings.get(0).contains("interakt.spool.max-bytes"), warnings.get(0));
        sender.shutdown();
        assertTrue(segmentFiles().size() > 1, "4 KiB segments: it rotated");
        long onDisk = 0;
        for (String name : fileNames()) {
            onDisk += Files.size(dir.resolve(name));
        }
        assertTrue(onDisk <= 64 * 1024, "files on disk: " + onDisk);

        deliverAll(2).shutdown();
        assertEquals(sorted(payloads.subList(0, kept).stream().map(SpoolDeliveryTest::json).toList()), sorted(receivedBodies()));
        assertEquals(List.of("spool.lock"), fileNames());
    }

    // ---- exclusive directory -------------------------------------------------------------------

    @Test
    void aSecondSenderOnTheSameDirectoryFallsBackToMemory() throws Exception {
        InteraktSender first = start(TestSettings.to(sandbox.baseUrl()).spool(spool()), 1);
        InteraktSender second = start(TestSettings.to(sandbox.baseUrl()).spool(spool()), 1);

        assertTrue(first.spoolStatus().isPresent());
        assertTrue(second.spoolStatus().isEmpty());
        List<String> warnings = logs.lines(Level.WARNING, "is in use by another sender");
        assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
        assertTrue(warnings.get(0).contains("interakt.spool.dir") && warnings.get(0).contains(dir.toString()), warnings.get(0));
        assertTrue(second.submit(payload(2)));
        assertTrue(first.submit(payload(1)));
        assertTrue(sandbox.awaitAccepted(2, WAIT));

        first.shutdown();
        InteraktSender third = start(TestSettings.to(sandbox.baseUrl()).spool(spool()), 1);
        assertTrue(third.spoolStatus().isPresent(), "released on close");
    }

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void everyFsyncPolicyKeepsPayloadsAcrossARestart(FsyncPolicy policy) throws Exception {
        List<InteraktPayload> payloads = payloads(5);
        spoolWhileDown(spool().withFsync(policy, Duration.ofMillis(20)), payloads);

        deliverAll(1).shutdown();

        assertEquals(payloads.stream().map(SpoolDeliveryTest::json).toList(), receivedBodies());
    }
}
