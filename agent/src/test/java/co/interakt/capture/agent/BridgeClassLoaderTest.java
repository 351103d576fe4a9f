package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.interakt.capture.engine.CaptureEngine;
import jakarta.servlet.ServletRequest;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The servlet API in a class loader of its own, as in Tomcat's common loader: the bridge must bind
 * the servlet layer to that API, and everything else of ours to the agent's loader.
 */
class BridgeClassLoaderTest {
    private static URLClassLoader container;
    private static BridgeClassLoader bridge;

    @BeforeAll
    static void containerWithItsOwnServletApi() {
        URL servletApiJar = ServletRequest.class.getProtectionDomain().getCodeSource().getLocation();
        container = new URLClassLoader("container", new URL[] {servletApiJar}, ClassLoader.getPlatformClassLoader());
        bridge = new BridgeClassLoader(container, BridgeClassLoaderTest.class.getClassLoader(), ServletNamespace.JAKARTA);
    }

    @AfterAll
    static void close() throws Exception {
        container.close();
    }

    @Test
    void definesTheHookAndTheServletLayerItself() throws Exception {
        Class<?> hook = bridge.loadClass(ServletNamespace.JAKARTA.hookClass());
        Class<?> servletCapture = bridge.loadClass("co.interakt.capture.servlet.ServletCapture");
        assertSame(bridge, hook.getClassLoader());
        assertSame(bridge, servletCapture.getClassLoader());
        assertSame(hook, bridge.loadClass(ServletNamespace.JAKARTA.hookClass()), "defined once");
    }

    @Test
    void bindsTheServletLayerToTheContainersServletApi() throws Exception {
        Class<?> servletCapture = bridge.loadClass("co.interakt.capture.servlet.ServletCapture");
        Class<?> apiSeenByBridge = servletCapture.getMethod("begin", bridgeApi("ServletRequest"), bridgeApi("ServletResponse"))
                .getParameterTypes()[0];
        assertSame(container, apiSeenByBridge.getClassLoader());
        assertNotEquals(ServletRequest.class, apiSeenByBridge, "not the copy on the agent's class path");
    }

    @Test
    void sharesTheAgentsEngineAndHookInterface() throws Exception {
        Class<?> hook = bridge.loadClass(ServletNamespace.JAKARTA.hookClass());
        Constructor<?> constructor = hook.getConstructor(CaptureEngine.class);
        assertNotNull(constructor, "takes the agent's own CaptureEngine class");
        assertSame(ServletHook.class, hook.getInterfaces()[0]);
    }

    @Test
    void leavesEverythingElseToTheContainer() throws Exception {
        assertSame(container, bridge.loadClass("jakarta.servlet.Filter").getClassLoader());
        assertSame(String.class, bridge.loadClass("java.lang.String"));
        assertThrows(ClassNotFoundException.class, () -> bridge.loadClass("co.interakt.capture.servlet.NoSuchClass"));
    }

    private static Class<?> bridgeApi(String simpleName) throws ClassNotFoundException {
        return container.loadClass("jakarta.servlet." + simpleName);
    }

    @Test
    void namespaceNamesTheApiTypes() {
        ServletNamespace jakarta = ServletNamespace.JAKARTA;
        assertEquals("jakarta/servlet/Servlet.class", jakarta.servletResource());
        assertEquals("jakarta.servlet.FilterChain", jakarta.filterChain());
    }
}
