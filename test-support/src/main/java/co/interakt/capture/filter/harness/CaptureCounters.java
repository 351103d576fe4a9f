package co.interakt.capture.filter.harness;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The capture engine's counters as an operator reads them: the {@code co.interakt.capture:type=Capture}
 * MBean, in this JVM or another one through a JMX connection, read once. Expects exactly one engine.
 */
public record CaptureCounters(long matched, long captured, long skipped, Map<String, Long> skippedByReason,
        long internalErrors, String lastSkipReason, String lastSkipAt) {

    /** Waits (up to {@link SenderJmx#REGISTRATION_WAIT}) for the one engine's MBean, then reads it. */
    public static CaptureCounters read(MBeanServerConnection server) {
        try {
            ObjectName pattern = new ObjectName("co.interakt.capture:type=Capture,*");
            long deadline = System.nanoTime() + SenderJmx.REGISTRATION_WAIT.toNanos();
            Set<ObjectName> names = server.queryNames(pattern, null);
            while (names.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
                names = server.queryNames(pattern, null);
            }
            if (names.size() != 1) {
                throw new AssertionError("expected one Interakt capture engine on JMX, found " + names);
            }
            ObjectName name = names.iterator().next();
            Map<String, Long> reasons = new TreeMap<>();
            if (server.getAttribute(name, "SkippedByReason") instanceof TabularData table) {
                for (Object row : table.values()) {
                    CompositeData entry = (CompositeData) row;
                    reasons.put((String) entry.get("key"), (Long) entry.get("value"));
                }
            }
            return new CaptureCounters(number(server, name, "Matched"), number(server, name, "Captured"),
                    number(server, name, "Skipped"), reasons, number(server, name, "InternalErrors"),
                    (String) server.getAttribute(name, "LastSkipReason"), (String) server.getAttribute(name, "LastSkipAt"));
        } catch (JMException | IOException e) {
            throw new AssertionError("cannot read the Interakt capture engine over JMX", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the Interakt capture engine on JMX", e);
        }
    }

    /** The invariant every matched request keeps: it ended captured, skipped or as an internal error. */
    public boolean balanced() {
        return matched == captured + skipped + internalErrors
                && skipped == skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long number(MBeanServerConnection server, ObjectName name, String attribute) throws JMException, IOException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
