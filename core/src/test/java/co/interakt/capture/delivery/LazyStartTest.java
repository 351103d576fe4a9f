package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up stays cheap: the HTTP client waits for the first payload, the MBean for the timer thread. */
class LazyStartTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private InteraktSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aSenderThatNeverSendsNeverBuildsItsHttpClientAndClosesCleanly() throws Exception {
        InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).build());
        ObjectName name = SenderJmxTest.awaitRegistered(sender);
        assertFalse(sender.httpClientCreated());

        CloseReport report = sender.shutdown();

        assertEquals(0, report.pendingAtClose());
        assertEquals(0, report.left());
        assertFalse(sender.httpClientCreated(), "close must not build a client just to close it");
        assertFalse(server.isRegistered(name));
    }

    @Test
    void theFirstPayloadBuildsTheClientAndIsDelivered() throws Exception {
        try (InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).build())) {
            assertFalse(sender.httpClientCreated());

            assertTrue(sender.submit(Payloads.member("ann@example.com")));

            assertTrue(sandbox.awaitAccepted(1, InteraktSenderTest.WAIT));
            InteraktSenderTest.awaitMetrics(sender, m -> m.sent() == 1);
            assertTrue(sender.httpClientCreated());
            assertEquals("ann@example.com", sandbox.members().get(0).email());
        }
    }

    @Test
    void closingWhileTheMBeanRegistersLeavesNoMBeanBehind() throws Exception {
        ObjectName pattern = new ObjectName(JmxRegistration.OBJECT_NAME + ",*");
        Set<ObjectName> before = server.queryNames(pattern, null);
        // Close at once, many times: registration on the timer thread lands before, during or
        // after close (or never runs); whichever it is, nothing may stay registered.
        for (int i = 0; i < 30; i++) {
            InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).build(), 1);
            sender.shutdown();
            assertEquals(before, server.queryNames(pattern, null), "after close #" + (i + 1));
            ObjectName name = sender.mbeanName();
            assertTrue(name == null || !server.isRegistered(name), String.valueOf(name));
        }
    }

    @Test
    void registerAndUnregisterRacingLeaveNoMBeanBehind() throws Exception {
        ObjectName pattern = new ObjectName(JmxRegistration.OBJECT_NAME + ",*");
        Set<ObjectName> before = server.queryNames(pattern, null);
        // Both orders occur over 50 runs (about 2 in 3 registered first when tried); each must end clean.
        for (int i = 0; i < 50; i++) {
            JmxRegistration registration = new JmxRegistration(new SenderJmx(null));
            CountDownLatch go = new CountDownLatch(1);
            Thread timer = new Thread(() -> awaitThen(go, registration::register));
            Thread closer = new Thread(() -> awaitThen(go, registration::unregister));
            timer.start();
            closer.start();
            go.countDown();
            timer.join();
            closer.join();

            assertEquals(before, server.queryNames(pattern, null), "after race #" + (i + 1));
        }
    }

    private static void awaitThen(CountDownLatch go, Runnable action) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        action.run();
    }

    @Test
    void aRegistrationClosedBeforeItRunsNeverRegisters() {
        JmxRegistration registration = new JmxRegistration(new SenderJmx(null));

        registration.unregister();
        registration.register();

        assertNull(registration.name());
    }
}
