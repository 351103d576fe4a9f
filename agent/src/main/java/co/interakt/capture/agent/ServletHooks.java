package co.interakt.capture.agent;

import co.interakt.capture.engine.CaptureEngine;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Finds the {@link ServletHook} for a request object: the one defined next to the servlet API that
 * object implements, {@code jakarta.servlet} or {@code javax.servlet}. One bridge per servlet API
 * class loader and namespace, created on the first request seen through it.
 *
 * <p>Both caches are {@link ClassValue}s: the entry lives in the key {@code Class} itself, so a
 * redeployed web application's loader, its bridge and its hook are collected together, with no
 * map of ours holding on to them.
 */
final class ServletHooks {
    private static final System.Logger LOG = System.getLogger(ServletHooks.class.getName());

    /** Marks "no hook possible for this class", since a {@code ClassValue} should not hold {@code null}. */
    private static final ServletHook NONE = (request, response) -> null;

    private final List<ServletNamespace> namespaces;
    private final CaptureEngine engine;
    private final ClassLoader agentLoader;

    /**
     * Keyed by the API's {@code ServletRequest} interface: one bridge per API class loader and
     * namespace (the interface's name says which).
     */
    private final ClassValue<ServletHook> byApi = new ClassValue<>() {
        @Override
        protected ServletHook computeValue(Class<?> servletRequestInterface) {
            for (ServletNamespace namespace : namespaces) {
                if (namespace.request().equals(servletRequestInterface.getName())) {
                    return createHook(namespace, servletRequestInterface.getClassLoader());
                }
            }
            return NONE;
        }
    };

    /** Keyed by the container's concrete request class, the per-request lookup. */
    private final ClassValue<ServletHook> byRequestClass = new ClassValue<>() {
        @Override
        protected ServletHook computeValue(Class<?> requestClass) {
            for (ServletNamespace namespace : namespaces) {
                Class<?> api = findInterface(requestClass, namespace.request());
                if (api != null) {
                    return byApi.get(api);
                }
            }
            return NONE;
        }
    };

    ServletHooks(List<ServletNamespace> namespaces, CaptureEngine engine, ClassLoader agentLoader) {
        this.namespaces = List.copyOf(namespaces);
        this.engine = engine;
        this.agentLoader = agentLoader;
    }

    /** The hook for this request object, or {@code null} when it does not implement our servlet API. */
    ServletHook forRequest(Object request) {
        ServletHook hook = byRequestClass.get(request.getClass());
        return hook == NONE ? null : hook;
    }

    private ServletHook createHook(ServletNamespace namespace, ClassLoader servletApiLoader) {
        try {
            ClassLoader bridge = new BridgeClassLoader(servletApiLoader, agentLoader, namespace);
            Class<?> hookClass = Class.forName(namespace.hookClass(), true, bridge);
            ServletHook hook = (ServletHook) hookClass.getConstructor(CaptureEngine.class).newInstance(engine);
            LOG.log(Level.DEBUG, "Interakt capture: servlet hook ready for {0} classes of {1}", namespace.apiPackage(), servletApiLoader);
            return hook;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Interakt capture: cannot attach to the " + namespace.apiPackage()
                    + " classes of " + servletApiLoader + "; requests through them are not captured: " + e, e);
            return NONE;
        }
    }

    /** The interface of that name the class implements, searched through its whole hierarchy. */
    static Class<?> findInterface(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Class<?> found = i.getName().equals(name) ? i : findInterface(i, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
