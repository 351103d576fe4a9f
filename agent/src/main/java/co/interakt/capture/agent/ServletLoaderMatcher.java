package co.interakt.capture.agent;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Only class loaders that can see the servlet API are worth a closer look: this one resource
 * lookup per loader spares the type matching of every class of every other loader (the JDK's,
 * build tools', libraries' own). Answers are remembered per loader, weakly.
 */
final class ServletLoaderMatcher {
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
        boolean sees = loader.getResource(servletResource) != null;
        synchronized (seen) {
            seen.put(loader, sees);
        }
        return sees;
    }
}
