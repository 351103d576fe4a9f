package co.interakt.capture.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Another agent, as APM agents do: registers a retransformation-capable transformer (a no-op) and,
 * once the file named by its argument exists, retransforms every loaded servlet API, Jetty and
 * example class, then writes how many to {@code <file>.done}. Our weaving, done by a transformer that is not retransformable at
 * premain, must survive it. Packed into a jar of its own by {@link #jar}.
 */
public final class RetransformingAgent {
    private RetransformingAgent() {
    }

    public static void premain(String trigger, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> type, ProtectionDomain domain, byte[] bytes) {
                return null;
            }
        }, true);
        Thread watcher = new Thread(() -> {
            Path file = Path.of(trigger);
            try {
                while (!Files.exists(file)) {
                    Thread.sleep(20);
                }
                Class<?>[] modifiable = Arrays.stream(instrumentation.getAllLoadedClasses())
                        .filter(instrumentation::isModifiableClass)
                        .filter(c -> c.getName().startsWith("jakarta.servlet.") || c.getName().startsWith("org.eclipse.jetty.")
                                || c.getName().startsWith("co.interakt.capture.examples."))
                        .toArray(Class<?>[]::new);
                int retransformed = 0;
                for (Class<?> type : modifiable) {
                    try {
                        instrumentation.retransformClasses(type);
                        retransformed++;
                    } catch (Throwable ignored) {
                        // a class the JVM refuses: the others still count
                    }
                }
                Files.writeString(Path.of(trigger + ".done"), Integer.toString(retransformed));
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "retransforming-agent");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** This class as an agent jar in {@code dir}. */
    static Path jar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), RetransformingAgent.class.getName());
        manifest.getMainAttributes().put(new Attributes.Name("Can-Retransform-Classes"), "true");
        Path jar = dir.resolve("retransforming-agent.jar");
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (String entry : new String[] {"RetransformingAgent.class", "RetransformingAgent$1.class"}) {
                String path = RetransformingAgent.class.getPackageName().replace('.', '/') + "/" + entry;
                try (InputStream in = RetransformingAgent.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        continue;
                    }
                    jarOut.putNextEntry(new JarEntry(path));
                    in.transferTo(jarOut);
                    jarOut.closeEntry();
                }
            }
        }
        return jar;
    }
}
