package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which methods are woven: exactly one per filter or servlet call, never a second overload; and which classes. */
class ServletInstrumentationTest {
    private static final ServletNamespace JAKARTA = ServletNamespace.JAKARTA;
    private static final ServletNamespace JAVAX = ServletNamespace.JAVAX;

    static Stream<Arguments> methods() throws NoSuchMethodException {
        return Stream.of(
                Arguments.of(JAKARTA, HttpServlet.class.getMethod("service", ServletRequest.class, ServletResponse.class), true),
                // Called by the public one above: advising it too would enter twice per request.
                Arguments.of(JAKARTA, HttpServlet.class.getDeclaredMethod("service", HttpServletRequest.class, HttpServletResponse.class), false),
                Arguments.of(JAKARTA, HttpServlet.class.getDeclaredMethod("doPost", HttpServletRequest.class, HttpServletResponse.class), false),
                Arguments.of(JAKARTA, GenericServlet.class.getMethod("service", ServletRequest.class, ServletResponse.class), false), // abstract
                Arguments.of(JAKARTA, HttpFilter.class.getMethod("doFilter", ServletRequest.class, ServletResponse.class, FilterChain.class), true),
                Arguments.of(JAKARTA, HttpFilter.class.getDeclaredMethod("doFilter", HttpServletRequest.class, HttpServletResponse.class,
                        FilterChain.class), false),
                Arguments.of(JAKARTA, Filter.class.getMethod("doFilter", ServletRequest.class, ServletResponse.class, FilterChain.class), false),
                Arguments.of(JAKARTA, FilterChain.class.getMethod("doFilter", ServletRequest.class, ServletResponse.class), false),
                // The same table for javax.servlet (Servlet 4.0)...
                Arguments.of(JAVAX, javax.servlet.http.HttpServlet.class.getMethod("service",
                        javax.servlet.ServletRequest.class, javax.servlet.ServletResponse.class), true),
                Arguments.of(JAVAX, javax.servlet.http.HttpServlet.class.getDeclaredMethod("service",
                        javax.servlet.http.HttpServletRequest.class, javax.servlet.http.HttpServletResponse.class), false),
                Arguments.of(JAVAX, javax.servlet.GenericServlet.class.getMethod("service",
                        javax.servlet.ServletRequest.class, javax.servlet.ServletResponse.class), false),
                Arguments.of(JAVAX, javax.servlet.http.HttpFilter.class.getMethod("doFilter",
                        javax.servlet.ServletRequest.class, javax.servlet.ServletResponse.class, javax.servlet.FilterChain.class), true),
                Arguments.of(JAVAX, javax.servlet.http.HttpFilter.class.getDeclaredMethod("doFilter",
                        javax.servlet.http.HttpServletRequest.class, javax.servlet.http.HttpServletResponse.class,
                        javax.servlet.FilterChain.class), false),
                Arguments.of(JAVAX, javax.servlet.FilterChain.class.getMethod("doFilter",
                        javax.servlet.ServletRequest.class, javax.servlet.ServletResponse.class), false),
                // ...and each namespace advises only its own API's methods.
                Arguments.of(JAVAX, HttpServlet.class.getMethod("service", ServletRequest.class, ServletResponse.class), false),
                Arguments.of(JAKARTA, javax.servlet.http.HttpServlet.class.getMethod("service",
                        javax.servlet.ServletRequest.class, javax.servlet.ServletResponse.class), false));
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("methods")
    void advisesOnlyThePublicEntryOfFiltersAndServlets(ServletNamespace namespace, Method method, boolean advised) {
        // Reflection's modifier bits are the class file's access flags.
        ServletNamespace found = ServletMethodWeaver.advised(List.of(namespace), method.getModifiers(), method.getName(),
                Type.getMethodDescriptor(method));
        assertEquals(advised ? namespace : null, found);
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(JAKARTA, HttpServlet.class, true),
                Arguments.of(JAKARTA, HttpFilter.class, true),
                Arguments.of(JAKARTA, jakarta.servlet.http.HttpServletRequestWrapper.class, false),
                Arguments.of(JAKARTA, String.class, false),
                Arguments.of(JAKARTA, jakarta.servlet.Filter.class, false), // an interface, nothing to advise
                Arguments.of(JAKARTA, ServletTransformerTest.SampleServlet.class, true), // through HttpServlet, GenericServlet
                Arguments.of(JAKARTA, javax.servlet.http.HttpServlet.class, false),
                Arguments.of(JAVAX, javax.servlet.http.HttpServlet.class, true),
                Arguments.of(JAVAX, javax.servlet.http.HttpFilter.class, true),
                Arguments.of(JAVAX, javax.servlet.http.HttpServletRequestWrapper.class, false),
                Arguments.of(JAVAX, HttpServlet.class, false));
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("types")
    void typesAreServletsOrFilters(ServletNamespace namespace, Class<?> type, boolean matches) throws IOException {
        List<ServletNamespace> found = ServletTypes.servletOrFilterOf(new ClassReader(classFile(type)), getClass().getClassLoader(), ServletNamespace.ALL);
        assertEquals(matches, found.contains(namespace));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
