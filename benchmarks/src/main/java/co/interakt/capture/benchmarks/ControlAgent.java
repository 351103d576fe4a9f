package co.interakt.capture.benchmarks;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The controls of the start-up breakdown: a {@code -javaagent} that does one of the things our
 * agent does and nothing else, so each thing's cost can be measured on its own.
 * {@code benchmarks/run-startup-large.sh} packs it into {@code control-agent.jar}; its argument
 * says what it does:
 * <ul>
 * <li>{@code empty}: nothing ({@code premain} returns at once): the cost of {@code -javaagent} itself;</li>
 * <li>{@code transformer}: registers a class file transformer that returns {@code null} for every
 *     class, retransformation-capable as ours is: the cost of having a transformer at all, which
 *     the JVM then calls for every class it loads, class-data-sharing archived ones included;</li>
 * <li>{@code bootjar}: appends an (empty) jar to the bootstrap class path, as ours does with its
 *     dispatcher: the JVM then shares only boot loader classes from its CDS archive.</li>
 * </ul>
 * Arguments combine with {@code +}: {@code transformer+bootjar}.
 */
public final class ControlAgent {
    private ControlAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) throws IOException {
        String what = arguments == null ? "empty" : arguments;
        if (what.contains("bootjar")) {
            Path jar = Files.createTempFile("control-agent-boot-", ".jar");
            jar.toFile().deleteOnExit();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.flush();
            }
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        }
        if (what.contains("transformer")) {
            instrumentation.addTransformer(new NoOp(), true);
        }
    }

    private static final class NoOp implements ClassFileTransformer {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                ProtectionDomain domain, byte[] classFile) {
            return null;
        }
    }
}
