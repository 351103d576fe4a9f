package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.lang.management.ManagementFactory;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class SenderJmxTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void exposesTheMetricsUnderAStableNameAndToleratesASecondSender() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0)) {
            ObjectName name = new ObjectName("co.interakt.capture:type=Sender");
            ObjectName secondName = new ObjectName("co.interakt.capture:type=Sender,instance=2");
            try (InteraktSender first = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).build(), 1)) {
                // Registration runs on each sender's timer thread: the first must be in before the second starts.
                assertEquals(name, awaitRegistered(first));
                try (InteraktSender second = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).build(), 1)) {
                    assertEquals(secondName, awaitRegistered(second));

                    first.submit(Payloads.member("ann@example.com"));
                    InteraktSenderTest.awaitMetrics(first, m -> m.sent() == 1);

                    assertEquals(1L, server.getAttribute(name, "Sent"));
                    assertEquals(1L, server.getAttribute(name, "Submitted"));
                    assertEquals(0, server.getAttribute(name, "QueueDepth"));
                    assertEquals(100, server.getAttribute(name, "QueueCapacity"));
                    assertEquals(sandbox.baseUrl(), server.getAttribute(name, "BaseUrl"));
                    for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                        assertFalse(attribute.isWritable(), attribute.getName());
                        Object value = server.getAttribute(name, attribute.getName());
                        assertFalse(String.valueOf(value).contains(TestSettings.API_KEY), attribute.getName());
                    }
                }
            }
            assertFalse(server.isRegistered(name));
            assertFalse(server.isRegistered(secondName));
        }
    }

    @Test
    void failuresByReasonAreReadableOverJmx() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0)) {
            sandbox.respondNext(400);
            InteraktSender sender = InteraktSender.start(TestSettings.to(sandbox.baseUrl()).build(), 1);
            try {
                sender.submit(Payloads.member("ann@example.com"));
                InteraktSenderTest.awaitMetrics(sender, m -> m.failed() == 1);
                awaitRegistered(sender);

                Object byReason = server.getAttribute(sender.mbeanName(), "FailedByReason");
                assertTrue(byReason instanceof javax.management.openmbean.TabularData, String.valueOf(byReason));
                assertTrue(byReason.toString().contains("http-400"), byReason.toString());
                assertTrue(String.valueOf(server.getAttribute(sender.mbeanName(), "LastError")).contains("HTTP 400"));
            } finally {
                sender.close();
            }
        }
    }

    /** The MBean is registered on the sender's timer thread soon after start: waits for it, boundedly. */
    static ObjectName awaitRegistered(InteraktSender sender) throws InterruptedException {
        long deadline = System.nanoTime() + InteraktSenderTest.WAIT.toNanos();
        while (sender.mbeanName() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sender's MBean was not registered within " + InteraktSenderTest.WAIT);
            }
            Thread.sleep(5);
        }
        return sender.mbeanName();
    }
}
