package co.interakt.capture.examples.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code ./demo.sh} does when it cannot run: a clear message and a non-zero exit, nothing started. */
class DemoScriptIT {
    private final Path work = Path.of(System.getProperty("it.work.dir", "target/it-work"), getClass().getSimpleName());

    @Test
    void aBusyPortStopsTheDemoWithAClearMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DemoProcess.Run run = DemoProcess.runToEnd(DemoProcess.freePort(), busy.getLocalPort(), work.resolve("busy-port.log"));
            assertAll(
                    () -> assertEquals(1, run.exitCode(), run.output()),
                    () -> assertTrue(run.output().contains("demo: port " + busy.getLocalPort() + " is busy"), run.output()),
                    () -> assertFalse(run.output().contains("Sign-up page"), run.output()));
        }
    }
}
