package co.interakt.capture.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Copies the agent's bootstrap package (the dispatcher the advice calls) into a small temporary
 * jar and appends it to the bootstrap class path, where every class loader finds it. Runs before
 * anything loads the dispatcher from the agent jar, so only the bootstrap copy is ever used.
 */
final class BootstrapJar {
    static final String PACKAGE_PATH = "co/interakt/capture/agent/bootstrap/";

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
            for (String name : bootstrapClassFiles()) {
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

    /** The class files of the bootstrap package, read from the agent's own jar (or classes directory in tests). */
    static List<String> bootstrapClassFiles() throws IOException {
        Path source;
        try {
            source = Path.of(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar", e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(PACKAGE_PATH))) {
                files.map(p -> PACKAGE_PATH + p.getFileName()).filter(n -> n.endsWith(".class")).sorted().forEach(names::add);
            }
            return names;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class") && name.indexOf('/', PACKAGE_PATH.length()) < 0) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            throw new IOException("no bootstrap classes in " + source);
        }
        return names;
    }
}
