package co.interakt.capture.agent;

import java.util.List;

/**
 * One servlet API namespace ({@code jakarta.servlet} today; {@code javax.servlet} can be added as
 * another constant): the names the instrumentation matches and the agent classes that must be
 * defined next to that API, because they are compiled against it.
 *
 * @param apiPackage      e.g. {@code jakarta.servlet}
 * @param hookClass       the {@link ServletHook} implementation for this namespace
 * @param bridgePackages  package prefixes (with the trailing dot) of the classes compiled against
 *                        this API, defined by a {@link BridgeClassLoader} per API class loader
 */
record ServletNamespace(String apiPackage, String hookClass, List<String> bridgePackages) {

    /**
     * Jakarta Servlet 5+. The servlet layer's package name is relocated by the shading (the plugin
     * rewrites string constants that name a relocated package), so at run time it names the
     * shaded classes; the hook package is the agent's own and is never relocated.
     */
    static final ServletNamespace JAKARTA = new ServletNamespace(
            "jakarta.servlet",
            "co.interakt.capture.agent.jakarta.JakartaServletHook",
            List.of("co.interakt.capture.servlet.", "co.interakt.capture.agent.jakarta."));

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

    /** The resource a class loader must see to be worth matching, e.g. {@code jakarta/servlet/Servlet.class}. */
    String servletResource() {
        return servlet().replace('.', '/') + ".class";
    }

    boolean definedInBridge(String className) {
        for (String prefix : bridgePackages) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
