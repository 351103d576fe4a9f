package co.interakt.capture.delivery;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Puts a sender's metrics (or, through {@link #of}, another MXBean of ours such as the capture
 * engine's) on the platform MBean server and takes them off again. Two senders in
 * one JVM (two webapps, or the filter next to the agent) must not fail each other: the second
 * gets {@code ,instance=2}. JMX being unavailable never stops delivery.
 *
 * <p>The sender calls {@link #register()} on its timer thread, not on the thread that starts it:
 * the first {@code getPlatformMBeanServer()} loads about 150 JMX and management classes, and the
 * agent starts its sender on the premain thread, before the application. {@link #unregister()}
 * and {@link #register()} share a lock and a closed flag, so a sender closed while it registers
 * leaves no MBean behind, and one closed before it registers never registers.
 */
public final class JmxRegistration {
    static final String OBJECT_NAME = "co.interakt.capture:type=Sender";
    private static final int MAX_INSTANCES = 100;
    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private final Object bean;
    private final Class<?> type;
    private final String objectName;
    private final Object lock = new Object();
    private volatile ObjectName name; // written under lock
    private boolean closed; // guarded by lock

    JmxRegistration(SenderMXBean bean) {
        this(bean, SenderMXBean.class, OBJECT_NAME);
    }

    private JmxRegistration(Object bean, Class<?> type, String objectName) {
        this.bean = bean;
        this.type = type;
        this.objectName = objectName;
    }

    /** A registration of {@code bean} as {@code objectName}, or {@code objectName,instance=N} when taken. */
    public static <T> JmxRegistration of(T bean, Class<T> type, String objectName) {
        return new JmxRegistration(bean, type, objectName);
    }

    /** Registers the bean, unless {@link #unregister()} already ran; at most once. */
    public void register() {
        synchronized (lock) {
            if (!closed && name == null) {
                name = registerOnPlatform(bean, type, objectName);
            }
        }
    }

    /** Takes the bean off the server if it got there, and keeps it from being registered later. */
    public void unregister() {
        synchronized (lock) {
            closed = true;
            unregisterFromPlatform(name);
        }
    }

    /** The name registered under, or {@code null}: not (yet) registered, or JMX unavailable. */
    public ObjectName name() {
        return name;
    }

    /** Registers and returns the name used, or {@code null} when it could not be registered. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectName registerOnPlatform(Object bean, Class<?> type, String objectName) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            StandardMBean mbean = new StandardMBean(bean, (Class) type, true);
            for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
                ObjectName candidate = new ObjectName(instance == 1 ? objectName : objectName + ",instance=" + instance);
                try {
                    server.registerMBean(mbean, candidate);
                    return candidate;
                } catch (InstanceAlreadyExistsException taken) {
                    // Another sender in this JVM: try the next instance number.
                }
            }
            LOG.log(System.Logger.Level.DEBUG, "more than {0} {1} MBeans in this JVM; this one is not on JMX", MAX_INSTANCES, objectName);
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Interakt MBean {0} not registered on JMX: {1}", objectName, e.toString());
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
            LOG.log(System.Logger.Level.DEBUG, "Interakt MBean {0} not unregistered: {1}", name, e.toString());
        }
    }
}
