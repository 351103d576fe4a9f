package co.interakt.capture.delivery;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Puts a sender's metrics on the platform MBean server and takes them off again. Two senders in
 * one JVM (two webapps, or the filter next to the agent) must not fail each other: the second
 * gets {@code ,instance=2}. JMX being unavailable never stops delivery.
 *
 * <p>The sender calls {@link #register()} on its timer thread, not on the thread that starts it:
 * the first {@code getPlatformMBeanServer()} loads about 150 JMX and management classes, and the
 * agent starts its sender on the premain thread, before the application. {@link #unregister()}
 * and {@link #register()} share a lock and a closed flag, so a sender closed while it registers
 * leaves no MBean behind, and one closed before it registers never registers.
 */
final class JmxRegistration {
    static final String OBJECT_NAME = "co.interakt.capture:type=Sender";
    private static final int MAX_INSTANCES = 100;
    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private final SenderMXBean bean;
    private final Object lock = new Object();
    private volatile ObjectName name; // written under lock
    private boolean closed; // guarded by lock

    JmxRegistration(SenderMXBean bean) {
        this.bean = bean;
    }

    /** Registers the bean, unless {@link #unregister()} already ran; at most once. */
    void register() {
        synchronized (lock) {
            if (!closed && name == null) {
                name = registerOnPlatform(bean);
            }
        }
    }

    /** Takes the bean off the server if it got there, and keeps it from being registered later. */
    void unregister() {
        synchronized (lock) {
            closed = true;
            unregisterFromPlatform(name);
        }
    }

    /** The name registered under, or {@code null}: not (yet) registered, or JMX unavailable. */
    ObjectName name() {
        return name;
    }

    /** Registers and returns the name used, or {@code null} when it could not be registered. */
    private static ObjectName registerOnPlatform(SenderMXBean bean) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            StandardMBean mbean = new StandardMBean(bean, SenderMXBean.class, true);
            for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
                ObjectName candidate = new ObjectName(instance == 1 ? OBJECT_NAME : OBJECT_NAME + ",instance=" + instance);
                try {
                    server.registerMBean(mbean, candidate);
                    return candidate;
                } catch (InstanceAlreadyExistsException taken) {
                    // Another sender in this JVM: try the next instance number.
                }
            }
            LOG.log(System.Logger.Level.DEBUG, "more than {0} Interakt senders in this JVM; metrics of this one are not on JMX", MAX_INSTANCES);
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Interakt sender metrics not registered on JMX: {0}", e.toString());
        }
        return null;
    }

    private static void unregisterFromPlatform(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Interakt sender MBean {0} not unregistered: {1}", name, e.toString());
        }
    }
}
