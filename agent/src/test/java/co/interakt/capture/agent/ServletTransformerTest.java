package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transformer on real class files, without an agent: which classes it hands to Byte Buddy,
 * and that a woven servlet calls the dispatcher around its body, however the body ends.
 */
class ServletTransformerTest {
    private final ServletTransformer transformer = new ServletTransformer(ServletNamespace.ALL, List.of("java.", "com.example.ignored."));

    /** A servlet as an application writes one: its service returns or throws. */
    public static final class SampleServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        public void service(ServletRequest request, ServletResponse response) {
            if (request == null) {
                throw new IllegalStateException("boom");
            }
            ((List<Object>) response).add(request); // the request the body sees
        }
    }

    /**
     * A filter with the control flow the woven code must respect: a loop head at the first
     * instruction, its own handler catching an exception, a return inside try/finally, and an
     * exception from the chain leaving through its finally.
     */
    public static final class SampleFilter implements Filter {
        public final List<String> trace = new ArrayList<>();
        private int spins;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            do {
                spins++;
            } while (spins % 3 != 0);
            try {
                if (request == null) {
                    throw new IllegalStateException("caught inside");
                }
                trace.add("request");
            } catch (IllegalStateException e) {
                trace.add("own handler");
            }
            try {
                if (response == null) {
                    trace.add("early return");
                    return;
                }
                chain.doFilter(request, response);
                trace.add("chain returned");
            } finally {
                trace.add("finally");
            }
        }
    }

    /** Mentions the servlet descriptors, but is no filter or servlet. */
    public static final class SampleChain implements FilterChain {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
        }
    }

    /** Records what the advice passes to the dispatcher; swaps the request for "wrapped". */
    static final class Recorder implements Dispatcher.Delegate {
        final List<String> calls = new ArrayList<>();

        @Override
        public Object begin(Object request, Object response) {
            calls.add("begin");
            return "handle";
        }

        @Override
        public Object request(Object handle) {
            return null; // keeps the original: the body must see what it was called with
        }

        @Override
        public void end(Object handle, Throwable thrown) {
            calls.add("end " + (thrown == null ? "ok" : thrown.getMessage()));
        }
    }

    @AfterEach
    void uninstall() {
        Dispatcher.install(null);
    }

    @Test
    void findsTheDescriptorStartInAClassFile() throws IOException {
        byte[] servlet = classFile(SampleServlet.class);
        assertTrue(ServletTransformer.contains(servlet, ServletTransformer.descriptorStart(ServletNamespace.JAKARTA)));
        assertFalse(ServletTransformer.contains(servlet, ServletTransformer.descriptorStart(ServletNamespace.JAVAX)));
        assertFalse(ServletTransformer.contains(classFile(String.class), ServletTransformer.descriptorStart(ServletNamespace.JAKARTA)));
        byte[] pattern = "abc".getBytes(StandardCharsets.US_ASCII);
        assertTrue(ServletTransformer.contains("xxabc".getBytes(StandardCharsets.US_ASCII), pattern));
        assertFalse(ServletTransformer.contains("xxab".getBytes(StandardCharsets.US_ASCII), pattern));
        assertFalse(ServletTransformer.contains("ab".getBytes(StandardCharsets.US_ASCII), pattern));
    }

    /**
     * Walking the constant pool finds exactly what a scan of every byte finds, on every class of
     * the test class path's jars (servlet APIs, Jetty, JUnit, Byte Buddy...: some 8,000).
     */
    @Test
    void theConstantPoolWalkFindsWhatAByteScanFinds() throws IOException {
        byte[][] starts = {
            ServletTransformer.descriptorStart(ServletNamespace.JAKARTA), ServletTransformer.descriptorStart(ServletNamespace.JAVAX)};
        int classes = 0;
        int mentioning = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (JarEntry file : Collections.list(jar.entries())) {
                    if (!file.getName().endsWith(".class")) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = jar.getInputStream(file)) {
                        bytes = in.readAllBytes();
                    }
                    int scanned = (ServletTransformer.contains(bytes, starts[0]) ? 1 : 0) | (ServletTransformer.contains(bytes, starts[1]) ? 2 : 0);
                    assertEquals(scanned, ServletTransformer.mentionedDescriptors(bytes, starts), entry + "!" + file.getName());
                    classes++;
                    mentioning += scanned == 0 ? 0 : 1;
                }
            }
        }
        assertTrue(classes > 5_000, classes + " classes");
        assertTrue(mentioning > 20, mentioning + " classes mention a servlet descriptor");
    }

    @Test
    void leavesAloneWhatIsNoFilterOrServlet() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        assertNull(transform(loader, SampleChain.class)); // the descriptor, but a FilterChain
        assertNull(transform(loader, Filter.class)); // an interface
        assertNull(transform(loader, HttpServletRequestWrapper.class)); // no service or doFilter
        assertNull(transform(loader, ServletTransformerTest.class)); // names the API, declares nothing of it
        assertNull(transform(null, SampleServlet.class)); // the bootstrap loader holds no servlet API
        assertNull(transformer.transform(null, loader, "com/example/ignored/Servlet", null, null, classFile(SampleServlet.class)));
    }

    /** The start-up breakdown's figures: each class counted at the stage where the transformer left it. */
    @Test
    void countsWhatItSawAndHowFarItLooked() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        transformer.transform(null, loader, "com/example/ignored/Servlet", null, null, classFile(SampleServlet.class)); // by name
        transformer.transform(null, ClassLoader.getPlatformClassLoader(), "com/example/Other", null, null, classFile(SampleServlet.class));
        transform(loader, Recorder.class); // constant pool walked: no servlet descriptor
        transform(loader, SampleChain.class); // mentions it, declares no method to weave
        transform(loader, SampleServlet.class); // woven

        TransformerStats stats = transformer.stats();
        assertEquals(5, stats.seenCount());
        assertEquals(3, stats.walkedCount());
        assertEquals(2, stats.readFurtherCount());
        assertEquals(1, stats.checkedCount());
        assertEquals(1, stats.wovenCount());
        assertTrue(stats.summary().startsWith("5 classes seen, 3 constant pools walked, 2 read further, 1 type-checked, 1 woven; "),
                stats.summary());
    }

    @Test
    void advisesTheServiceOfAServletAndTheApiOwnHttpServlet() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        assertNotNull(transform(loader, HttpServlet.class));
        byte[] woven = transform(loader, SampleServlet.class);
        assertNotNull(woven);
        runsTheDispatcherAroundTheBody(loader, woven);
    }

    /** Woven code calling a dispatcher its loader cannot resolve would throw into the application. */
    @Test
    void leavesAloneTheClassesOfALoaderThatCannotSeeTheDispatcher() throws Exception {
        URL servletApi = HttpServlet.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {servletApi}, ClassLoader.getPlatformClassLoader())) {
            assertNotNull(isolated.getResource("jakarta/servlet/Servlet.class"));
            assertNull(transform(isolated, HttpServlet.class));
            assertNull(transform(isolated, SampleServlet.class));
        }
        assertNotNull(transform(getClass().getClassLoader(), HttpServlet.class)); // where it resolves, woven
    }

    /**
     * Class files older than Java 7 get no stack map frames: a Java 5 one has none (the JVM verifies
     * it by inference), a Java 6 one may carry frames for its own code, and the JVM falls back to
     * inference when they do not cover ours.
     */
    @ParameterizedTest(name = "class file version {0}")
    @ValueSource(ints = {Opcodes.V1_5, Opcodes.V1_6})
    void advisesAClassFileOlderThanJava7(int version) throws Exception {
        ClassReader reader = new ClassReader(classFile(SampleServlet.class));
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int ignored, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        }, version < Opcodes.V1_6 ? ClassReader.SKIP_FRAMES : 0);
        ClassLoader loader = getClass().getClassLoader();
        byte[] woven = transformer.transform(null, loader, SampleServlet.class.getName().replace('.', '/'), null, null, writer.toByteArray());
        assertNotNull(woven);
        runsTheDispatcherAroundTheBody(loader, woven);
    }

    /** Exactly one enter and one exit per call, whichever way it ends; the method's own flow as before. */
    @Test
    void keepsTheControlFlowOfTheFilterItWeaves() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        byte[] woven = transform(loader, SampleFilter.class);
        assertNotNull(woven);
        Recorder recorder = new Recorder();
        Dispatcher.install(recorder);
        Class<?> type = new SingleClassLoader(loader, SampleFilter.class.getName(), woven).loadClass(SampleFilter.class.getName());
        Object filter = type.getConstructor().newInstance();
        @SuppressWarnings("unchecked")
        List<String> trace = (List<String>) type.getField("trace").get(filter);
        Method doFilter = type.getMethod("doFilter", ServletRequest.class, ServletResponse.class, FilterChain.class);
        ServletRequest request = new HttpServletRequestWrapper(proxy(jakarta.servlet.http.HttpServletRequest.class));
        ServletResponse response = proxy(ServletResponse.class);
        FilterChain passes = (rq, rs) -> { };
        FilterChain fails = (rq, rs) -> {
            throw new ServletException("chain failed");
        };

        doFilter.invoke(filter, request, response, passes);
        assertEquals(List.of("request", "chain returned", "finally"), trace);
        trace.clear();
        doFilter.invoke(filter, null, null, passes);
        assertEquals(List.of("own handler", "early return", "finally"), trace);
        trace.clear();
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> doFilter.invoke(filter, request, response, fails));
        assertEquals("chain failed", thrown.getCause().getMessage());
        assertEquals(List.of("request", "finally"), trace);

        assertEquals(List.of("begin", "end ok", "begin", "end ok", "begin", "end chain failed"), recorder.calls);
        assertEquals(0, depth());
    }

    private static void runsTheDispatcherAroundTheBody(ClassLoader loader, byte[] woven) throws Exception {
        Recorder recorder = new Recorder();
        Dispatcher.install(recorder);
        Class<?> servlet = new SingleClassLoader(loader, SampleServlet.class.getName(), woven).loadClass(SampleServlet.class.getName());
        Object instance = servlet.getConstructor().newInstance();
        Method service = servlet.getMethod("service", ServletRequest.class, ServletResponse.class);
        List<Object> seen = new ArrayList<>();
        ServletRequest request = new HttpServletRequestWrapper(proxy(jakarta.servlet.http.HttpServletRequest.class));

        service.invoke(instance, request, proxyList(seen));
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> service.invoke(instance, null, proxyList(seen)));

        assertEquals("boom", thrown.getCause().getMessage());
        assertEquals(List.of("begin", "end ok", "begin", "end boom"), recorder.calls);
        assertSame(request, seen.get(0));
        assertEquals(0, depth());
    }

    private byte[] transform(ClassLoader loader, Class<?> type) throws IOException {
        return transformer.transform(null, loader, type.getName().replace('.', '/'), null, null, classFile(type));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static int depth() throws ReflectiveOperationException {
        Method depth = Dispatcher.class.getDeclaredMethod("depth");
        depth.setAccessible(true);
        return (int) depth.invoke(null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null);
    }

    /** A ServletResponse that is also the list the sample servlet adds to. */
    private static ServletResponse proxyList(List<Object> list) {
        return (ServletResponse) java.lang.reflect.Proxy.newProxyInstance(ServletResponse.class.getClassLoader(),
                new Class<?>[] {ServletResponse.class, List.class},
                (p, m, a) -> m.getDeclaringClass() == List.class ? m.invoke(list, a) : null);
    }

    /** Defines one class from the given bytes, everything else from its parent. */
    private static final class SingleClassLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        SingleClassLoader(ClassLoader parent, String name, byte[] bytes) {
            super(parent);
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> c = findLoadedClass(className);
                return c != null ? c : defineClass(className, bytes, 0, bytes.length);
            }
        }
    }
}
