package co.interakt.capture.agent;

import java.util.List;

/**
 * One servlet API namespace, {@code jakarta.servlet} or {@code javax.servlet}: the names the
 * instrumentation matches and the agent classes that must be defined next to that API, because
 * they are compiled against it. Everything else of the agent is the same for both.
 *
 * @param apiPackage      e.g. {@code jakarta.servlet}
 * @param hookClass       the {@link ServletHook} implementation for this namespace
 * @param bridgePackages  packages (with the trailing dot) whose classes are compiled against this
 *                        API, defined by a {@link BridgeClassLoader} per API class loader
 */
record ServletNamespace(String apiPackage, String hookClass, List<String> bridgePackages) {

    /*
     * The servlet layers' package names below are relocated by the shading (the plugin rewrites
     * string constants that name a relocated package), so at run time they name the shaded
     * classes; the hook packages are the agent's own and are never relocated.
     */

    /** Jakarta Servlet 5+ (Tomcat 10.1/11, Jetty 12 ee10, Spring Boot 3). */
    static final ServletNamespace JAKARTA = new ServletNamespace(
            "jakarta.servlet",
            "co.interakt.capture.agent.jakarta.JakartaServletHook",
            List.of("co.interakt.capture.servlet.", "co.interakt.capture.agent.jakarta."));

    /**
     * Java Servlet 3.1/4.0 (Tomcat 9, Jetty 9.4/10, Spring Boot 2). Its hook and servlet layer are
     * generated from the jakarta ones at build time (filter-javax/jakarta-to-javax.xml).
     */
    static final ServletNamespace JAVAX = new ServletNamespace(
            "javax.servlet",
            "co.interakt.capture.agent.javax.JavaxServletHook",
            List.of("co.interakt.capture.servlet.javax.", "co.interakt.capture.agent.javax."));

    /** What one agent jar instruments: whichever of these an application uses, or both. */
    static final List<ServletNamespace> ALL = List.of(JAKARTA, JAVAX);

    ServletNamespace {
        bridgePackages = List.copyOf(bridgePackages);
    }

    String servlet() {
        return apiPackage + ".Servlet";
    }

    String filter() {
        return apiPackage + ".Filter";
    }

    String filterChain() {
        return apiPackage + ".FilterChain";
    }

    String request() {
        return apiPackage + ".ServletRequest";
    }

    String response() {
        return apiPackage + ".ServletResponse";
    }

    /** A class's name as class files spell it, e.g. {@code jakarta/servlet/Servlet}. */
    static String internal(String className) {
        return className.replace('.', '/');
    }

    /**
     * How both woven methods' descriptors start, {@code (Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;}:
     * the request first, the response second.
     */
    String descriptorStart() {
        return "(L" + internal(request()) + ";L" + internal(response()) + ";";
    }

    /** {@code service(ServletRequest, ServletResponse)}'s descriptor. */
    String serviceDescriptor() {
        return descriptorStart() + ")V";
    }

    /** {@code doFilter(ServletRequest, ServletResponse, FilterChain)}'s descriptor. */
    String doFilterDescriptor() {
        return descriptorStart() + "L" + internal(filterChain()) + ";)V";
    }

    /** The resource a class loader must see to be worth matching, e.g. {@code jakarta/servlet/Servlet.class}. */
    String servletResource() {
        return servlet().replace('.', '/') + ".class";
    }

    /** The API package alone: what a log line or a test name needs. */
    @Override
    public String toString() {
        return apiPackage;
    }

    /**
     * Whether the class lies directly in one of the bridge packages. Not in a subpackage: the
     * javax servlet layer ({@code ...servlet.javax}) sits below the jakarta one's package.
     */
    boolean definedInBridge(String className) {
        for (String prefix : bridgePackages) {
            if (className.startsWith(prefix) && className.indexOf('.', prefix.length()) < 0) {
                return true;
            }
        }
        return false;
    }
}
