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
 */
final class JmxRegistration {
    static final String OBJECT_NAME = "co.interakt.capture:type=Sender";
    private static final int MAX_INSTANCES = 100;
    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private JmxRegistration() {
    }

    /** Registers and returns the name used, or {@code null} when it could not be registered. */
    static ObjectName register(SenderMXBean bean) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            StandardMBean mbean = new StandardMBean(bean, SenderMXBean.class, true);
            for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
                ObjectName name = new ObjectName(instance == 1 ? OBJECT_NAME : OBJECT_NAME + ",instance=" + instance);
                try {
                    server.registerMBean(mbean, name);
                    return name;
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

    static void unregister(ObjectName name) {
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
