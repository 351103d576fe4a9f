package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.SpoolSettings;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool across processes: a JVM killed with SIGKILL (no shutdown hook, no close) while it
 * holds a backlog, and a directory locked by another process. Each child is {@link SpoolChild}.
 */
class SpoolCrashIT {
    private static final Duration CHILD_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private int spawned;

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private Path spoolDir() {
        return dir.resolve("spool");
    }

    private record Child(Process process, BufferedReader stdout, Path stderr) {
        /** The next stdout line starting with {@code prefix}; fails with the child's log if it exits first. */
        String await(String prefix) throws IOException {
            String line;
            while ((line = stdout.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("child ended without '" + prefix + "':\n" + Files.readString(stderr));
        }
    }

    private Child spawn(String mode, String baseUrl, int count) throws IOException {
        Path stderr = dir.resolve(mode + "-" + (++spawned) + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SpoolChild.class.getName(), mode, baseUrl, spoolDir().toString(), String.valueOf(count));
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        children.add(process);
        return new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), stderr);
    }

    @Test
    void jvmsKilledWithABacklogAndMidDeliveryLoseNothingAndResendNothingAcknowledged() throws Exception {
        int count = 300; // more than the queue capacity (100): part in memory, part only on disk
        Child first = spawn("submit", SpoolDeliveryTest.deadUrl(), count);
        assertTimeoutPreemptively(CHILD_WAIT, () -> first.await("READY"));

        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final fsync
        first.process().waitFor();

        try (InteraktSandbox sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0)) {
            // Second JVM: killed half-way, once both workers hang on a request, so all it saw answered is acknowledged.
            Child second = spawn("deliver", sandbox.baseUrl(), 0);
            assertTrue(sandbox.awaitAccepted(count / 2, CHILD_WAIT), Files.readString(second.stderr()));
            sandbox.hang(true);
            assertTrue(sandbox.awaitHanging(2, CHILD_WAIT));
            List<String> acknowledged = acceptedBodies(sandbox);
            assertTrue(acknowledged.size() < count, "killed before the end");
            second.process().destroyForcibly();
            second.process().waitFor();
            sandbox.hang(false);

            Child third = spawn("deliver", sandbox.baseUrl(), 0);
            assertTimeoutPreemptively(CHILD_WAIT, () -> third.await("DONE"));
            assertEquals(0, third.process().waitFor(), Files.readString(third.stderr()));

            List<String> received = acceptedBodies(sandbox);
            List<String> expected = SpoolDeliveryTest.payloads(count).stream().map(SpoolDeliveryTest::json).sorted().toList();
            assertEquals(expected, received.stream().distinct().sorted().toList(), "every payload, byte for byte");
            for (String body : acknowledged) {
                assertEquals(1, received.stream().filter(body::equals).count(), "acknowledged, then sent again: " + body);
            }
            // At least once: only the two requests held when the JVM died may arrive twice.
            assertTrue(received.size() - count <= 2, "duplicates: " + (received.size() - count));

            long before = sandbox.receivedCount();
            Child fourth = spawn("deliver", sandbox.baseUrl(), 0);
            assertTimeoutPreemptively(CHILD_WAIT, () -> fourth.await("DONE 0 "));
            assertEquals(before, sandbox.receivedCount(), "nothing left to send");
        }
        try (var files = Files.list(spoolDir())) {
            assertEquals(List.of("spool.lock"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static List<String> acceptedBodies(InteraktSandbox sandbox) {
        return sandbox.received().stream().filter(ReceivedRequest::accepted).map(ReceivedRequest::body).toList();
    }

    @Test
    void aDirectoryLockedByAnotherProcessMeansMemoryOnlyHereAndIsFreedWhenItDies() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0);
                LogCapture logs = new LogCapture()) {
            Child holder = spawn("hold", sandbox.baseUrl(), 0);
            assertEquals("READY spool", assertTimeoutPreemptively(CHILD_WAIT, () -> holder.await("READY")));

            try (InteraktSender here = InteraktSender.start(TestSettings.to(sandbox.baseUrl())
                    .spool(SpoolSettings.in(spoolDir())).build())) {
                assertTrue(here.spoolStatus().isEmpty(), "falls back to memory");
                assertEquals(1, logs.lines(Level.WARNING, "is in use by another sender").size(), String.join("\n", logs.lines()));
                assertTrue(here.submit(SpoolDeliveryTest.payload(1)));
                assertTrue(sandbox.awaitAccepted(1, CHILD_WAIT));
            }

            holder.process().destroyForcibly();
            holder.process().waitFor();

            try (InteraktSender owner = InteraktSender.start(TestSettings.to(sandbox.baseUrl())
                    .spool(SpoolSettings.in(spoolDir())).build())) {
                assertTrue(owner.spoolStatus().isPresent(), "the dead process's lock is gone");
                // A sender refused in this JVM must not have weakened the owner's lock for other processes.
                try (InteraktSender refused = InteraktSender.start(TestSettings.to(sandbox.baseUrl())
                        .spool(SpoolSettings.in(spoolDir())).build())) {
                    assertTrue(refused.spoolStatus().isEmpty());
                }
                Child other = spawn("hold", sandbox.baseUrl(), 0);
                assertEquals("READY memory", assertTimeoutPreemptively(CHILD_WAIT, () -> other.await("READY")));
                other.process().getOutputStream().close();
                assertEquals(0, other.process().waitFor());
            }
            assertFalse(holder.process().isAlive());
        }
    }
}
