package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.filter.harness.SenderJmx;
import co.interakt.capture.sandbox.InteraktSandbox;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.MemoryMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A burst three times the queue's capacity while Interakt hangs, into an app with the agent and a
 * small heap: every request is answered, exactly the excess is dropped, the heap stays bounded, and
 * what was kept arrives once Interakt answers again. Load-heavy, so in {@code -Preliability-long}.
 */
@Tag("long")
class BurstAgentIT {
    private static final int CAPACITY = 10_000;
    private static final int BURST = 3 * CAPACITY;
    private static final String PADDING = "x".repeat(900); // about 1 KB a signup, kept as a custom field

    @Test
    void theQueueBoundHoldsUnderABurstAndNothingKeptIsLost() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0)) {
            List<String> options = AgentSetup.concat(AgentSetup.agentOptions(sandbox), List.of("-Xmx96m",
                    "-Dinterakt.queue-capacity=" + CAPACITY, "-Dinterakt.timeout.response=10m", "-Dinterakt.timeout.total=10m",
                    "-Dinterakt.shutdown-grace=2m"));
            try (RunningApp app = EchoShop.launch(getClass(), "burst", options, AgentSetup.environment()).awaitReady()) {
                sandbox.hang(true);
                burst(app);

                long dropped;
                long heapUsed;
                VirtualMachine vm = VirtualMachine.attach(Long.toString(app.process().pid()));
                try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
                    SenderJmx sender = SenderJmx.of(jmx.getMBeanServerConnection());
                    assertEquals(CAPACITY, sender.submitted(), sender.toString());
                    assertEquals(CAPACITY, sender.queueDepth(), sender.toString());
                    dropped = sender.dropped();
                    MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                            ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                    memory.gc();
                    heapUsed = memory.getHeapMemoryUsage().getUsed();
                } finally {
                    vm.detach();
                }
                assertEquals(BURST - CAPACITY, dropped, "exactly the excess is dropped");
                System.out.printf("burst of %d: %d kept, %d dropped, heap after GC %d MiB%n", BURST, CAPACITY, dropped, heapUsed >> 20);

                sandbox.hang(false);
                app.process().stop(); // the shutdown hook delivers the queue
                assertTrue(sandbox.awaitAccepted(CAPACITY, Duration.ofMinutes(1)));
                long received = sandbox.members().stream().map(r -> r.email()).distinct().count();
                assertEquals(CAPACITY, received);
                assertEquals(BURST, received + dropped, "received + dropped == sent");
            }
        }
    }

    /** {@value #BURST} signups from 16 client threads; every one must be answered 201 with what the app read. */
    private static void burst(RunningApp app) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String form = "email=burst-" + i + "%40example.com&notes=" + PADDING;
                tasks.add(() -> {
                    Exchange answer = Exchange.send(app.base(), "POST", "/signup", BadInputs.FORM,
                            form.getBytes(StandardCharsets.UTF_8), "X-Read", "stream");
                    assertEquals(201, answer.status());
                    assertEquals(form, answer.bodyText());
                    return null;
                });
            }
            for (Future<Void> done : clients.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
