package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which class loaders' classes may be woven. Only loaders that can see the servlet API are worth
 * a closer look: this one resource lookup per loader spares the type checks of every class of
 * every other loader (the JDK's, build tools', libraries' own). And only loaders that resolve the
 * dispatcher to the one the agent plugged into: woven code calling a dispatcher its loader cannot
 * find would throw into the application (an OSGi bundle or a JBoss module without boot
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
        Class<?> found;
        try {
            found = Class.forName(Dispatcher.class.getName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            found = null;
        }
        if (found != Dispatcher.class) {
            LOG.log(Level.WARNING, "Interakt capture: " + loader + " does not delegate " + Dispatcher.class.getPackageName()
                    + " to the bootstrap class loader; its filters and servlets are not captured (add the package to its"
                    + " boot delegation, e.g. org.osgi.framework.bootdelegation)");
            return false;
        }
        return true;
    }
}
