package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.engine.CaptureEngine;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServletHooksTest {
    private static CaptureEngine engine;
    private static ServletHooks hooks;

    @BeforeAll
    static void dryRunEngine() {
        engine = CaptureEngine.start(new ConfigLoader().overrides(Map.of("interakt.dry-run", "true")).load());
        hooks = new ServletHooks(ServletNamespace.ALL, engine, ServletHooksTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void findsTheServletRequestInterfaceThroughSuperclassesAndSuperinterfaces() {
        assertSame(ServletRequest.class, ServletHooks.findInterface(HttpServletRequestWrapper.class, "jakarta.servlet.ServletRequest"));
        assertSame(ServletRequest.class, ServletHooks.findInterface(request().getClass(), "jakarta.servlet.ServletRequest"));
        assertNull(ServletHooks.findInterface(String.class, "jakarta.servlet.ServletRequest"));
    }

    @Test
    void oneBridgeServesEveryRequestClassOfAServletApi() {
        ServletHook first = hooks.forRequest(request());
        ServletHook second = hooks.forRequest(new HttpServletRequestWrapper(request()));
        assertSame(first, second);
        assertInstanceOf(BridgeClassLoader.class, first.getClass().getClassLoader());
    }

    @Test
    void aJavaxRequestGetsTheJavaxHookInABridgeOfItsOwn() {
        ServletHook jakartaHook = hooks.forRequest(request());
        ServletHook javaxHook = hooks.forRequest(javaxRequest());
        assertEquals("co.interakt.capture.agent.javax.JavaxServletHook", javaxHook.getClass().getName());
        assertEquals("co.interakt.capture.agent.jakarta.JakartaServletHook", jakartaHook.getClass().getName());
        assertInstanceOf(BridgeClassLoader.class, javaxHook.getClass().getClassLoader());
        assertNotSame(jakartaHook.getClass().getClassLoader(), javaxHook.getClass().getClassLoader());
        assertSame(javaxHook, hooks.forRequest(new javax.servlet.http.HttpServletRequestWrapper(javaxRequest())));
    }

    @Test
    void aJavaxRequestNoRuleMatchesIsNotCapturedEither() {
        javax.servlet.http.HttpServletRequest hello = javaxRequest();
        assertNull(hooks.forRequest(hello).begin(hello, null));
    }

    @Test
    void anObjectThatIsNoServletRequestHasNoHook() {
        assertNull(hooks.forRequest("not a request"));
    }

    @Test
    void aRequestNoRuleMatchesIsNotCaptured() {
        HttpServletRequest hello = request();
        assertNull(hooks.forRequest(hello).begin(hello, null));
    }

    /** A request answering GET /hello; anything else it is asked returns null. */
    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(ServletHooksTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getServletPath" -> "/hello";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** The same, as a {@code javax.servlet} request. */
    private static javax.servlet.http.HttpServletRequest javaxRequest() {
        return (javax.servlet.http.HttpServletRequest) Proxy.newProxyInstance(ServletHooksTest.class.getClassLoader(),
                new Class<?>[] {javax.servlet.http.HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getServletPath" -> "/hello";
                    case "hashCode" -> 2;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void proxyAnswersAsIntended() {
        assertEquals("GET", request().getMethod());
    }
}
