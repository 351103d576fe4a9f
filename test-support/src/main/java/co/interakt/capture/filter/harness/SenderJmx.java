package co.interakt.capture.filter.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The sender's metrics as an operator reads them: through JMX ({@code co.interakt.capture:type=Sender}),
 * in this JVM or in another one through a JMX connection. Expects exactly one sender.
 */
public final class SenderJmx {
    /** How long {@link #of} waits for the sender's MBean to appear. */
    public static final Duration REGISTRATION_WAIT = Duration.ofSeconds(10);

    private final MBeanServerConnection server;
    private final ObjectName name;

    private SenderJmx(MBeanServerConnection server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** The one sender registered in this JVM. */
    public static SenderJmx local() {
        return of(ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * The one sender registered on {@code server}. The sender registers its MBean on its own timer
     * thread shortly after it starts (to keep JMX off the start-up path), so this waits for it, up
     * to {@link #REGISTRATION_WAIT}.
     */
    public static SenderJmx of(MBeanServerConnection server) {
        try {
            ObjectName pattern = new ObjectName("co.interakt.capture:type=Sender,*");
            long deadline = System.nanoTime() + REGISTRATION_WAIT.toNanos();
            Set<ObjectName> names = server.queryNames(pattern, null);
            while (names.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
                names = server.queryNames(pattern, null);
            }
            if (names.size() != 1) {
                throw new AssertionError("expected one Interakt sender on JMX, found " + names);
            }
            return new SenderJmx(server, names.iterator().next());
        } catch (JMException | IOException e) {
            throw new AssertionError("cannot read the Interakt sender over JMX", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the Interakt sender on JMX", e);
        }
    }

    public long submitted() {
        return number("Submitted");
    }

    public long sent() {
        return number("Sent");
    }

    public long retried() {
        return number("Retried");
    }

    public long dropped() {
        return number("Dropped");
    }

    public long failed() {
        return number("Failed");
    }

    public int queueDepth() {
        return (int) number("QueueDepth");
    }

    public int queueCapacity() {
        return (int) number("QueueCapacity");
    }

    public String lastError() {
        return (String) attribute("LastError");
    }

    /** {@code FailedByReason}, e.g. {@code {http-401=3}}. */
    public Map<String, Long> failedByReason() {
        Map<String, Long> out = new TreeMap<>();
        Object value = attribute("FailedByReason");
        if (value instanceof TabularData table) {
            for (Object row : table.values()) {
                CompositeData entry = (CompositeData) row;
                out.put((String) entry.get("key"), (Long) entry.get("value"));
            }
        }
        return out;
    }

    /** Every attribute the MBean has, as {@code name=value} text: what any JMX console would show. */
    public List<String> everyAttributeAsText() {
        try {
            List<String> out = new ArrayList<>();
            for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
                out.add(info.getName() + "=" + server.getAttribute(name, info.getName()));
            }
            return out;
        } catch (JMException | IOException e) {
            throw new AssertionError("cannot read " + name, e);
        }
    }

    private long number(String attribute) {
        return ((Number) attribute(attribute)).longValue();
    }

    private Object attribute(String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException | IOException e) {
            throw new AssertionError("cannot read " + name + " " + attribute, e);
        }
    }

    @Override
    public String toString() {
        return String.join(", ", everyAttributeAsText());
    }
}
