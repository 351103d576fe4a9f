package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.FsyncPolicy;
import co.interakt.capture.config.SpoolSettings;
import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.spool.Spool;
import co.interakt.capture.delivery.spool.SpooledRecord;
import co.interakt.capture.payload.InteraktPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The journal itself, without HTTP: fsync policies, acknowledgements across runs, what start-up makes of odd files. */
class SpoolJournalTest {
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final ScheduledThreadPoolExecutor background = new ScheduledThreadPoolExecutor(1);
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        logs.close();
    }

    private Spool open(SpoolSettings settings) {
        Spool spool = Spool.open(settings, background);
        assertNotNull(spool, String.join("\n", logs.lines()));
        return spool;
    }

    private Spool open() {
        return open(SpoolSettings.in(dir).withFsync(FsyncPolicy.BATCH, NEVER));
    }

    private static Spool.Outcome append(Spool spool, int i, boolean memoryHasRoom) {
        InteraktPayload p = SpoolDeliveryTest.payload(i);
        return spool.append(p.target(), p.toJson(), () -> memoryHasRoom).outcome();
    }

    private static List<String> emails(List<SpooledRecord> records) {
        return records.stream().map(r -> new String(r.json(), StandardCharsets.UTF_8))
                .map(json -> json.substring(json.indexOf("user"), json.indexOf("@example.com"))).toList();
    }

    private Path only(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    @ParameterizedTest(name = "{0}: {1} fsync(s) after 5 appends, {2} after close")
    @CsvSource({
            "ALWAYS, 5, 5",
            "BATCH,  0, 1",
            "OS,     0, 0",
    })
    void fsyncPolicies(FsyncPolicy policy, long afterAppends, long afterClose) {
        Spool spool = open(SpoolSettings.in(dir).withFsync(policy, NEVER));
        for (int i = 0; i < 5; i++) {
            assertEquals(Spool.Outcome.BACKLOG, append(spool, i, false));
        }
        assertEquals(afterAppends, spool.status().syncs());
        spool.close();
        assertEquals(afterClose, spool.status().syncs());

        Spool reopened = open();
        List<SpooledRecord> replayed = reopened.takeBacklog(100);
        reopened.close();
        assertEquals(List.of("user0", "user1", "user2", "user3", "user4"), emails(replayed));
        for (int i = 0; i < 5; i++) {
            InteraktPayload original = SpoolDeliveryTest.payload(i);
            assertArrayEquals(original.toJson(), replayed.get(i).json());
            assertEquals(original.target(), replayed.get(i).target());
        }
    }

    @Test
    void batchSyncsInTheBackground() throws InterruptedException {
        Spool spool = open(SpoolSettings.in(dir).withFsync(FsyncPolicy.BATCH, Duration.ofMillis(10)));
        append(spool, 1, false);
        SpoolDeliveryTest.await(() -> spool.status().syncs() >= 1, () -> "no background fsync: " + spool.status());
        spool.close();
    }

    @Test
    void aPayloadGoesStraightToMemoryOnlyWhenNothingOlderWaitsOnDisk() {
        Spool spool = open();
        assertEquals(Spool.Outcome.IN_MEMORY, append(spool, 0, true));
        assertFalse(spool.hasBacklog());
        assertEquals(Spool.Outcome.BACKLOG, append(spool, 1, false), "memory full");
        assertEquals(Spool.Outcome.BACKLOG, append(spool, 2, true), "room again, but user1 is older");
        assertTrue(spool.hasBacklog());
        assertEquals(List.of("user1", "user2"), emails(spool.takeBacklog(10)));
        assertFalse(spool.hasBacklog());
        assertEquals(3, spool.status().outstanding());
        spool.close();
    }

    @Test
    void acknowledgedRecordsAreNotReplayedAndTornOrZeroedAckEntriesAcknowledgeNothing() throws IOException {
        Spool first = open();
        for (int i = 0; i < 5; i++) {
            append(first, i, false);
        }
        List<SpooledRecord> records = first.takeBacklog(10);
        first.acknowledge(records.get(1));
        first.acknowledge(records.get(3));
        first.acknowledge(records.get(3)); // twice counts once
        assertEquals(3, first.status().outstanding());
        first.close();

        Path acks = only(".acks");
        Files.write(acks, new byte[8], StandardOpenOption.APPEND); // zeroed: would read as "index 0" without its check
        Files.write(acks, new byte[] {0, 0, 0}, StandardOpenOption.APPEND); // torn
        Spool second = open();
        assertEquals(3, second.status().outstanding());
        List<SpooledRecord> replayed = second.takeBacklog(10);
        assertEquals(List.of("user0", "user2", "user4"), emails(replayed));
        second.acknowledge(replayed.get(0));
        second.close();

        Spool third = open();
        assertEquals(List.of("user2", "user4"), emails(third.takeBacklog(10)), "a new entry after a torn one still counts");
        third.close();
    }

    @Test
    void aFileWithoutItsHeaderIsRemovedAndAForeignOneLeftAlone() throws IOException {
        Path torn = Files.write(dir.resolve("segment-000000000000000007.log"), new byte[] {'I', 'K'});
        Path foreign = Files.writeString(dir.resolve("segment-000000000000000008.log"), "some other program's data");
        Path orphanAcks = Files.write(dir.resolve("segment-000000000000000003.log.acks"), new byte[8]);

        Spool spool = open();
        append(spool, 1, false);
        spool.close();

        assertFalse(Files.exists(torn), "a segment that died before its header is removed");
        assertFalse(Files.exists(orphanAcks), "acks without their segment are removed");
        assertTrue(Files.exists(foreign));
        List<String> warnings = logs.lines(Level.WARNING, foreign.toString());
        assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
        assertTrue(warnings.get(0).contains("not a spool segment; left alone"), warnings.get(0));
        assertTrue(Files.exists(dir.resolve("segment-000000000000000009.log")), "new segments never reuse an id");
    }

    @Test
    void anUnusableDirectoryMeansNoSpoolAndAWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertNull(Spool.open(SpoolSettings.in(file), background));

        List<String> warnings = logs.lines(Level.WARNING, "Interakt spool disabled");
        assertEquals(1, warnings.size(), String.join("\n", logs.lines()));
        assertTrue(warnings.get(0).contains("interakt.spool.dir"), warnings.get(0));
    }

    @Test
    void targetsSurviveTheRoundTrip() {
        Spool spool = open();
        spool.append(Target.LEADS, "{\"email\":\"a@b.c\"}".getBytes(StandardCharsets.UTF_8), () -> false);
        spool.append(Target.MEMBERS, "{\"email\":\"d@e.f\"}".getBytes(StandardCharsets.UTF_8), () -> false);
        assertEquals(List.of(Target.LEADS, Target.MEMBERS), spool.takeBacklog(10).stream().map(SpooledRecord::target).toList());
        spool.close();
    }
}
