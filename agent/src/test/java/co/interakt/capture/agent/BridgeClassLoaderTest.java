package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.engine.CaptureEngine;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The servlet API in a class loader of its own, as in Tomcat's common loader: the bridge must bind
 * the servlet layer to that API, and everything else of ours to the agent's loader. The same for
 * both namespaces, each API in its own "container".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeClassLoaderTest {
    /** One namespace's container: its API jar in a loader of its own, and a bridge over it. */
    record Case(ServletNamespace namespace, URLClassLoader container, BridgeClassLoader bridge) {
        @Override
        public String toString() {
            return namespace.apiPackage();
        }

        /** A class of this namespace's servlet layer, by simple name. */
        String servletLayer(String simpleName) {
            return namespace.bridgePackages().get(0) + simpleName;
        }

        Class<?> api(String simpleName) throws ClassNotFoundException {
            return container.loadClass(namespace.apiPackage() + "." + simpleName);
        }
    }

    private List<Case> cases;

    @BeforeAll
    void containersWithTheirOwnServletApi() {
        cases = Stream.of(
                        container(ServletNamespace.JAKARTA, jakarta.servlet.ServletRequest.class),
                        container(ServletNamespace.JAVAX, javax.servlet.ServletRequest.class))
                .toList();
    }

    private static Case container(ServletNamespace namespace, Class<?> apiClass) {
        URL apiJar = apiClass.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader container = new URLClassLoader("container", new URL[] {apiJar}, ClassLoader.getPlatformClassLoader());
        return new Case(namespace, container, new BridgeClassLoader(container, BridgeClassLoaderTest.class.getClassLoader(), namespace));
    }

    @AfterAll
    void close() throws Exception {
        for (Case c : cases) {
            c.container().close();
        }
    }

    List<Case> cases() {
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void definesTheHookAndTheServletLayerItself(Case c) throws Exception {
        Class<?> hook = c.bridge().loadClass(c.namespace().hookClass());
        Class<?> servletCapture = c.bridge().loadClass(c.servletLayer("ServletCapture"));
        assertSame(c.bridge(), hook.getClassLoader());
        assertSame(c.bridge(), servletCapture.getClassLoader());
        assertSame(hook, c.bridge().loadClass(c.namespace().hookClass()), "defined once");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bindsTheServletLayerToTheContainersServletApi(Case c) throws Exception {
        Class<?> servletCapture = c.bridge().loadClass(c.servletLayer("ServletCapture"));
        Class<?> apiSeenByBridge = servletCapture.getMethod("begin", c.api("ServletRequest"), c.api("ServletResponse"))
                .getParameterTypes()[0];
        assertSame(c.container(), apiSeenByBridge.getClassLoader());
        assertNotEquals(Class.forName(c.namespace().request()), apiSeenByBridge, "not the copy on the agent's class path");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sharesTheAgentsEngineAndHookInterface(Case c) throws Exception {
        Class<?> hook = c.bridge().loadClass(c.namespace().hookClass());
        Constructor<?> constructor = hook.getConstructor(CaptureEngine.class);
        assertNotNull(constructor, "takes the agent's own CaptureEngine class");
        assertSame(ServletHook.class, hook.getInterfaces()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leavesEverythingElseToTheContainer(Case c) throws Exception {
        assertSame(c.container(), c.bridge().loadClass(c.namespace().filter()).getClassLoader());
        assertSame(String.class, c.bridge().loadClass("java.lang.String"));
        assertThrows(ClassNotFoundException.class, () -> c.bridge().loadClass(c.servletLayer("NoSuchClass")));
    }

    @Test
    void theJakartaBridgeLeavesTheJavaxLayerBelowItsPackageAlone() {
        assertTrue(ServletNamespace.JAKARTA.definedInBridge("co.interakt.capture.servlet.ServletCapture"));
        assertFalse(ServletNamespace.JAKARTA.definedInBridge("co.interakt.capture.servlet.javax.ServletCapture"));
        assertTrue(ServletNamespace.JAVAX.definedInBridge("co.interakt.capture.servlet.javax.ServletCapture"));
        assertTrue(ServletNamespace.JAVAX.definedInBridge("co.interakt.capture.servlet.javax.RequestCapture$CompletionListener"));
        assertFalse(ServletNamespace.JAVAX.definedInBridge("co.interakt.capture.servlet.ServletCapture"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "jakarta.servlet, jakarta/servlet/Servlet.class, jakarta.servlet.FilterChain",
        "javax.servlet,   javax/servlet/Servlet.class,   javax.servlet.FilterChain"})
    void namespaceNamesTheApiTypes(String apiPackage, String servletResource, String filterChain) {
        ServletNamespace namespace = ServletNamespace.ALL.stream().filter(n -> n.apiPackage().equals(apiPackage)).findFirst().orElseThrow();
        assertEquals(servletResource, namespace.servletResource());
        assertEquals(filterChain, namespace.filterChain());
    }
}
