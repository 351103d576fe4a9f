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
import java.lang.reflect.Method;
import java.util.stream.Stream;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which methods get the advice: exactly one per filter or servlet call, never a second overload. */
class ServletInstrumentationTest {
    private static final ServletNamespace JAKARTA = ServletNamespace.JAKARTA;

    static Stream<Arguments> methods() throws NoSuchMethodException {
        return Stream.of(
                Arguments.of(HttpServlet.class.getMethod("service", ServletRequest.class, ServletResponse.class), true),
                // Called by the public one above: advising it too would enter twice per request.
                Arguments.of(HttpServlet.class.getDeclaredMethod("service", HttpServletRequest.class, HttpServletResponse.class), false),
                Arguments.of(HttpServlet.class.getDeclaredMethod("doPost", HttpServletRequest.class, HttpServletResponse.class), false),
                Arguments.of(GenericServlet.class.getMethod("service", ServletRequest.class, ServletResponse.class), false), // abstract
                Arguments.of(HttpFilter.class.getMethod("doFilter", ServletRequest.class, ServletResponse.class, FilterChain.class), true),
                Arguments.of(HttpFilter.class.getDeclaredMethod("doFilter", HttpServletRequest.class, HttpServletResponse.class,
                        FilterChain.class), false),
                Arguments.of(Filter.class.getMethod("doFilter", ServletRequest.class, ServletResponse.class, FilterChain.class), false),
                Arguments.of(FilterChain.class.getMethod("doFilter", ServletRequest.class, ServletResponse.class), false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("methods")
    void advisesOnlyThePublicEntryOfFiltersAndServlets(Method method, boolean advised) {
        assertEquals(advised, ServletInstrumentation.advisedMethods(JAKARTA).matches(new MethodDescription.ForLoadedMethod(method)));
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(HttpServlet.class, true),
                Arguments.of(HttpFilter.class, true),
                Arguments.of(jakarta.servlet.http.HttpServletRequestWrapper.class, false),
                Arguments.of(String.class, false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("types")
    void typesAreServletsOrFilters(Class<?> type, boolean matches) {
        assertEquals(matches, ServletInstrumentation.isServletOrFilter(JAKARTA).matches(TypeDescription.ForLoadedType.of(type)));
    }
}
