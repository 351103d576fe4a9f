package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which class loaders' classes may be woven. Only loaders that can see the servlet API are worth
 * a closer look: this one resource lookup per loader spares the type checks of every class of
 * every other loader (the JDK's, build tools', libraries' own). And only loaders that resolve the
 * dispatcher to one the agent plugged into: the agent jar's, through the system class loader, or
 * else the bootstrap copy ({@link BootstrapFallback}). Woven code calling a dispatcher its loader
 * cannot find would throw into the application (an OSGi bundle or a JBoss module without boot
 * delegation for {@code co.interakt.capture.agent.bootstrap}); such a loader's classes are left
 * as they are. Answers are remembered per loader, weakly.
 */
final class ServletLoaderMatcher {
    private static final System.Logger LOG = System.getLogger(ServletLoaderMatcher.class.getName());

    private final String servletResource;
    private final Map<ClassLoader, Boolean> seen = new WeakHashMap<>();

    ServletLoaderMatcher(ServletNamespace namespace) {
        this.servletResource = namespace.servletResource();
    }

    boolean matches(ClassLoader loader) {
        if (loader == null) {
            return false; // the bootstrap loader holds no servlet API
        }
        synchronized (seen) {
            Boolean known = seen.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean matches = loader.getResource(servletResource) != null && resolvesOurDispatcher(loader);
        synchronized (seen) {
            seen.put(loader, matches);
        }
        return matches;
    }

    private static boolean resolvesOurDispatcher(ClassLoader loader) {
        Class<?> found = find(loader);
        if (found == Dispatcher.class) {
            return true; // the agent jar's copy, through the system class loader
        }
        if (found == null) {
            // A loader that does not delegate to the system loader: the bootstrap copy, if it does
            // delegate our package to the bootstrap loader.
            Class<?> bootstrapCopy = BootstrapFallback.dispatcher();
            found = bootstrapCopy == null ? null : find(loader);
            if (found != null && found == bootstrapCopy) {
                return true;
            }
        }
        LOG.log(Level.WARNING, "Interakt capture: " + loader + " does not delegate " + Dispatcher.class.getPackageName()
                + " to the system or the bootstrap class loader; its filters and servlets are not captured (add the package"
                + " to its boot delegation or system packages, e.g. org.osgi.framework.bootdelegation, jboss.modules.system.pkgs)");
        return false;
    }

    private static Class<?> find(ClassLoader loader) {
        try {
            return Class.forName(Dispatcher.class.getName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
