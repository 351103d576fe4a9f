package co.interakt.capture.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the agent's bootstrap package (the dispatcher the woven code calls) into a small temporary
 * jar and appends it to the bootstrap class path, for the class loaders that do not see the agent
 * jar ({@link BootstrapFallback}); most applications never need it.
 */
final class BootstrapJar {
    static final String PACKAGE_PATH = "co/interakt/capture/agent/bootstrap/";

    /**
     * The bootstrap package's class files. Listed, not looked up: reading the directory of the
     * agent jar's 1,400 entries cost the JVM's start-up more than all the rest of this class
     * (BootstrapJarTest checks the list against the package).
     */
    static final List<String> CLASS_FILES = List.of(
            PACKAGE_PATH + "Dispatcher.class",
            PACKAGE_PATH + "Dispatcher$Delegate.class",
            PACKAGE_PATH + "Dispatcher$Frame.class",
            PACKAGE_PATH + "package-info.class");

    private BootstrapJar() {
    }

    static void appendTo(Instrumentation instrumentation) throws IOException {
        Path jar = write(Files.createTempFile("interakt-capture-bootstrap-", ".jar"));
        jar.toFile().deleteOnExit();
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    /** Writes the bootstrap classes into {@code target}, a jar; returns it. */
    static Path write(Path target) throws IOException {
        ClassLoader agentLoader = BootstrapJar.class.getClassLoader();
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASS_FILES) {
                try (InputStream in = agentLoader.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("missing from the agent: " + name);
                    }
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
