package co.interakt.capture.agent;

import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Installs the instrumentation: the public {@code doFilter(ServletRequest, ServletResponse, FilterChain)}
 * of every {@code Filter} and the public {@code service(ServletRequest, ServletResponse)} of every
 * {@code Servlet} call the dispatcher, in the class that declares the method (which methods:
 * {@link ServletMethodWeaver#advised}). The {@code FilterChain} is not advised: the filters and
 * the servlet it calls already are.
 */
final class ServletInstrumentation {
    /**
     * Packages never worth matching: the JDK's and libraries that declare no servlets. Only a
     * shortcut, the checks that follow are exact anyway. Not {@code jakarta.} nor {@code javax.}:
     * {@code HttpServlet.service} is advised where it is declared, in the API's own package. None of
     * these is a relocated package, whose name shade would rewrite here to the relocated one.
     */
    private static final List<String> IGNORED_PREFIXES = List.of(
            "java.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.",
            "ch.qos.logback.", "org.apache.logging.", "org.jboss.logging.", "com.fasterxml.", "com.google.",
            "org.objectweb.asm.", "org.hibernate.", "org.postgresql.", "com.mysql.", "com.zaxxer.hikari.", "org.h2.");

    private static final System.Logger LOG = System.getLogger(ServletInstrumentation.class.getName());

    /** Enough for any start-up; a bound all the same, in case an app loads servlet classes without end. */
    private static final int MAX_DISCOVERY_ROUNDS = 10;

    private ServletInstrumentation() {
    }

    /**
     * Registers one transformer for all namespaces.
     *
     * @param loadedClassesToo whether servlet classes already loaded must be woven too (attached to a
     *                         running app); not at premain, where the application has loaded none
     *                         yet and looking through the JVM's loaded classes would only cost
     *                         start-up time
     */
    static ServletTransformer install(Instrumentation instrumentation, List<ServletNamespace> namespaces, boolean loadedClassesToo) {
        List<String> ignored = new ArrayList<>(IGNORED_PREFIXES);
        // Our own classes, Byte Buddy and the libraries we bundle included, wherever they were relocated to.
        ignored.add(InteraktAgent.class.getPackageName() + ".");
        ServletTransformer transformer = new ServletTransformer(namespaces, ignored);
        // Retransformation-capable only when attached to a running JVM, to weave the classes it
        // already loaded. At premain it is not needed: another agent's retransformation reuses what
        // a non-retransformable transformer returned at load, so the weaving stays; and it is not
        // free: with a retransformable transformer the JVM keeps a copy of every class's bytes.
        boolean retransforming = loadedClassesToo && instrumentation.isRetransformClassesSupported();
        instrumentation.addTransformer(transformer, retransforming);
        if (loadedClassesToo && retransforming) {
            retransformLoaded(instrumentation, namespaces, ignored);
        }
        return transformer;
    }

    /**
     * Runs the transformer over the servlets and filters already loaded. Looks at the loaded classes
     * again until no new one turns up: a class whose loading began before the transformer was
     * registered and ended after the first look (an attach while the app loads classes) is woven
     * all the same.
     */
    private static void retransformLoaded(Instrumentation instrumentation, List<ServletNamespace> namespaces, List<String> ignored) {
        Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int round = 0; round < MAX_DISCOVERY_ROUNDS; round++) {
            List<Class<?>> found = new ArrayList<>();
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (!seen.contains(type) && isLoadedServletOrFilter(type, namespaces, ignored) && instrumentation.isModifiableClass(type)) {
                    found.add(type);
                }
            }
            if (found.isEmpty()) {
                return;
            }
            seen.addAll(found);
            try {
                instrumentation.retransformClasses(found.toArray(new Class<?>[0]));
            } catch (Throwable batchFailed) {
                for (Class<?> type : found) { // one bad class must not keep the others unadvised
                    try {
                        instrumentation.retransformClasses(type);
                    } catch (Throwable t) {
                        LOG.log(Level.DEBUG, () -> "Interakt capture: could not instrument loaded " + type.getName() + ": " + t, t);
                    }
                }
            }
        }
    }

    /** A loaded, concrete class of an application loader that implements one of the namespaces' Servlet or Filter. */
    static boolean isLoadedServletOrFilter(Class<?> type, List<ServletNamespace> namespaces, List<String> ignored) {
        if (type.isInterface() || type.isArray() || type.isPrimitive() || type.getClassLoader() == null) {
            return false;
        }
        String name = type.getName();
        for (String prefix : ignored) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        for (ServletNamespace namespace : namespaces) {
            if (ServletHooks.findInterface(type, namespace.servlet()) != null
                    || ServletHooks.findInterface(type, namespace.filter()) != null) {
                return true;
            }
        }
        return false;
    }
}
