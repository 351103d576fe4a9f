package co.interakt.capture.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where the advice goes: the public {@code doFilter(ServletRequest, ServletResponse, FilterChain)}
 * of every {@code Filter} and the public {@code service(ServletRequest, ServletResponse)} of every
 * {@code Servlet}, in the class that declares the method. Only the public two-argument
 * {@code service}: {@code HttpServlet} calls its protected overload from it, and advising both
 * would enter twice per request. The {@code FilterChain} is not advised: the filters and the
 * servlet it calls already are.
 */
final class ServletInstrumentation {
    /**
     * Packages never worth matching: the JDK's and libraries that declare no servlets. Only a
     * shortcut, the matchers below are exact anyway. Not {@code jakarta.} nor {@code javax.}:
     * {@code HttpServlet.service} is advised where it is declared, in the API's own package. None of
     * these is a relocated package, whose name shade would rewrite here to the relocated one.
     */
    private static final List<String> IGNORED_PREFIXES = List.of(
            "java.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.",
            "ch.qos.logback.", "org.apache.logging.", "org.jboss.logging.", "com.fasterxml.", "com.google.",
            "org.objectweb.asm.", "org.hibernate.", "org.postgresql.", "com.mysql.", "com.zaxxer.hikari.", "org.h2.");

    private ServletInstrumentation() {
    }

    /**
     * One transformer for all namespaces: the same advice, matched by each namespace's names.
     *
     * @param loadedClassesToo whether servlet classes already loaded must be advised too (attached to
     *                         a running app, or installed while it starts); not at a synchronous
     *                         premain, where the application has loaded none yet and looking through
     *                         the JVM's loaded classes would only cost start-up time
     */
    static AgentBuilder builder(List<ServletNamespace> namespaces, boolean loadedClassesToo) {
        AgentBuilder builder = new AgentBuilder.Default()
                // Advice only rewrites method bodies, which retransformation allows: a later
                // retransformation (by another agent) keeps it, and loaded classes can be advised.
                .disableClassFormatChanges()
                // Advice only visits method bodies: decorating the class file as it is spares Byte
                // Buddy building a model of the type and its methods for each class it transforms.
                .with(AgentBuilder.TypeStrategy.Default.DECORATE);
        if (loadedClassesToo) {
            builder = builder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    // Looks at the loaded classes again until no new one turns up: a class whose loading
                    // began before the transformer was registered and ended after the first look (an
                    // attach, or start-async, while the app loads classes) is advised all the same.
                    .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE);
        }
        builder = builder
                .with(new DebugListener())
                .ignore(ignoredNames()).or(any(), isBootstrapClassLoader());
        for (ServletNamespace namespace : namespaces) {
            ElementMatcher.Junction<MethodDescription> advised = advisedMethods(namespace);
            builder = builder
                    .type(not(isInterface()).and(declaresMethod(advised)).and(isServletOrFilter(namespace)),
                            new ServletLoaderMatcher(namespace))
                    .transform(new AgentBuilder.Transformer.ForAdvice()
                            .include(ServletInstrumentation.class.getClassLoader())
                            .advice(advised, CaptureAdvice.class.getName()));
        }
        return builder;
    }

    static ElementMatcher.Junction<TypeDescription> isServletOrFilter(ServletNamespace namespace) {
        return hasSuperType(named(namespace.servlet()).or(named(namespace.filter())));
    }

    static ElementMatcher.Junction<MethodDescription> advisedMethods(ServletNamespace namespace) {
        ElementMatcher.Junction<MethodDescription> requestAndResponse = takesArgument(0, named(namespace.request()))
                .and(takesArgument(1, named(namespace.response())));
        ElementMatcher.Junction<MethodDescription> doFilter = named("doFilter").and(takesArguments(3))
                .and(requestAndResponse).and(takesArgument(2, named(namespace.filterChain())));
        ElementMatcher.Junction<MethodDescription> service = named("service").and(takesArguments(2)).and(requestAndResponse);
        return isPublic().and(not(isAbstract())).and(doFilter.or(service));
    }

    private static ElementMatcher.Junction<TypeDescription> ignoredNames() {
        ElementMatcher.Junction<TypeDescription> names = isSynthetic()
                // Our own classes, and Byte Buddy wherever it was relocated to (both computed, so exact).
                .or(nameStartsWith(InteraktAgent.class.getPackageName() + "."))
                .or(nameStartsWith(ByteBuddy.class.getPackageName() + "."));
        for (String prefix : IGNORED_PREFIXES) {
            names = names.or(nameStartsWith(prefix));
        }
        return names;
    }
}
