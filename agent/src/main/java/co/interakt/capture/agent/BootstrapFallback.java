package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The dispatcher for class loaders that do not see the agent jar: a copy on the bootstrap class
 * path, put there only when the first such loader turns up.
 *
 * <p>The woven code calls {@link Dispatcher} by name, and the agent jar is on the system class
 * path, so every loader that delegates to the system loader (a flat class path, Spring Boot's
 * nested-jar loader, Tomcat's and Jetty's loaders) resolves the agent's own copy, and nothing is
 * appended to the bootstrap class path: appending makes the JVM share only boot loader classes
 * from its class-data-sharing archive, which costs every application that uses an archive of its
 * own classes (AppCDS, Spring Boot's CDS support) its benefit. A loader whose parent is the
 * bootstrap or platform loader, or an OSGi or JBoss Modules loader that delegates the package to
 * the bootstrap loader, finds nothing there; for it the bootstrap package is written to a jar and
 * appended, once, and the copy it resolves gets the same delegate, through a proxy of its own
 * {@code Delegate} interface (a class of the bootstrap loader, not the agent's).
 */
final class BootstrapFallback {
    private static final System.Logger LOG = System.getLogger(BootstrapFallback.class.getName());

    private static Instrumentation instrumentation;
    private static Dispatcher.Delegate delegate;
    private static boolean tried;
    private static Class<?> bootstrapDispatcher;

    private BootstrapFallback() {
    }

    /** What the fallback needs, should it be used: called once the delegate exists. */
    static synchronized void prepare(Instrumentation instrumentation, Dispatcher.Delegate delegate) {
        BootstrapFallback.instrumentation = instrumentation;
        BootstrapFallback.delegate = delegate;
    }

    /**
     * The bootstrap copy of the dispatcher, its delegate installed: appended on the first call;
     * {@code null} if that failed or the agent did not start.
     */
    static synchronized Class<?> dispatcher() {
        if (tried) {
            return bootstrapDispatcher;
        }
        tried = true;
        if (instrumentation == null || delegate == null) {
            return null;
        }
        try {
            BootstrapJar.appendTo(instrumentation);
            Class<?> dispatcher = Class.forName(Dispatcher.class.getName(), true, null);
            Class<?> delegateType = Class.forName(Dispatcher.Delegate.class.getName(), false, null);
            Object forwarding = Proxy.newProxyInstance(null, new Class<?>[] {delegateType}, new Forwarding(delegate));
            dispatcher.getMethod("install", delegateType).invoke(null, forwarding);
            bootstrapDispatcher = dispatcher;
            LOG.log(Level.DEBUG, "Interakt capture: dispatcher appended to the bootstrap class path for class loaders that do not see the agent");
        } catch (Throwable t) {
            LOG.log(Level.DEBUG, () -> "Interakt capture: could not put the dispatcher on the bootstrap class path: " + t, t);
        }
        return bootstrapDispatcher;
    }

    /** The bootstrap copy's calls, handed to the agent's delegate. */
    private static final class Forwarding implements InvocationHandler {
        private final Dispatcher.Delegate target;

        Forwarding(Dispatcher.Delegate target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "begin":
                    return target.begin(args[0], args[1]);
                case "request":
                    return target.request(args[0]);
                case "end":
                    target.end(args[0], (Throwable) args[1]);
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return "interakt-capture bootstrap delegate";
            }
        }
    }
}
