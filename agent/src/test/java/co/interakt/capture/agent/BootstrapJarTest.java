package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapJarTest {
    private static final String DISPATCHER = "co.interakt.capture.agent.bootstrap.Dispatcher";

    @Test
    void holdsTheBootstrapPackageAndNothingElse(@TempDir Path dir) throws Exception {
        Path jar = BootstrapJar.write(dir.resolve("bootstrap.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = Collections.list(file.entries()).stream().map(e -> e.getName()).sorted().toList();
            assertEquals(List.of(
                    "co/interakt/capture/agent/bootstrap/Dispatcher$Delegate.class",
                    "co/interakt/capture/agent/bootstrap/Dispatcher$Frame.class",
                    "co/interakt/capture/agent/bootstrap/Dispatcher.class",
                    "co/interakt/capture/agent/bootstrap/package-info.class"), names);
        }
    }

    /** The fixed list in BootstrapJar is the package's class files, all of them. */
    @Test
    void listsEveryClassOfTheBootstrapPackage() throws Exception {
        Path classes = Path.of(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.list(classes.resolve(BootstrapJar.PACKAGE_PATH))) {
            List<String> compiled = files.map(p -> BootstrapJar.PACKAGE_PATH + p.getFileName())
                    .filter(n -> n.endsWith(".class")).sorted().toList();
            assertEquals(compiled, BootstrapJar.CLASS_FILES.stream().sorted().toList());
        }
    }

    /** Loaded where only JDK classes are visible, as on the bootstrap class path, it still works. */
    @Test
    void dispatcherNeedsNothingButTheJdk(@TempDir Path dir) throws Exception {
        Path jar = BootstrapJar.write(dir.resolve("bootstrap.jar"));
        try (URLClassLoader jdkOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> dispatcher = Class.forName(DISPATCHER, true, jdkOnly);
            Method enter = dispatcher.getMethod("enter", Object.class, Object.class);
            Method exit = dispatcher.getMethod("exit", Throwable.class);
            assertEquals("request", enter.invoke(null, "request", "response")); // no delegate: the request as it came
            exit.invoke(null, (Object) null);
            assertEquals(jdkOnly, dispatcher.getClassLoader());
        }
    }
}
