package co.interakt.capture.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Run in a child JVM with the agent: loads and links, from the jars given, every class whose
 * constant pool names a servlet request and response pair (what the agent looks at), so the
 * JVM's verifier checks each class the agent wove. Prints one {@code REJECTED} line per class
 * the JVM refused and a {@code linked N} summary.
 */
public final class LinkEveryServletClass {
    private static final List<byte[]> MARKERS = List.of(
            "/servlet/ServletRequest;L".getBytes(StandardCharsets.US_ASCII));

    private LinkEveryServletClass() {
    }

    public static void main(String[] jars) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String jar : jars) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        int linked = 0;
        int unresolved = 0;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            for (String jar : jars) {
                try (JarFile file = new JarFile(jar)) {
                    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                            continue;
                        }
                        byte[] bytes;
                        try (InputStream in = file.getInputStream(entry)) {
                            bytes = in.readAllBytes();
                        }
                        if (!mentionsServletRequest(bytes)) {
                            continue;
                        }
                        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                        try {
                            // Reflecting on the methods links the class (verification included) without initializing it.
                            Class.forName(className, false, loader).getDeclaredMethods();
                            linked++;
                        } catch (VerifyError | ClassFormatError e) {
                            System.out.println("REJECTED " + className + ": " + e);
                        } catch (LinkageError | ClassNotFoundException e) {
                            unresolved++; // an optional dependency these jars leave out
                        }
                    }
                }
            }
        }
        System.out.println("linked " + linked + ", " + unresolved + " with optional dependencies missing");
    }

    private static boolean mentionsServletRequest(byte[] bytes) {
        for (byte[] marker : MARKERS) {
            outer:
            for (int i = 0; i <= bytes.length - marker.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (bytes[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
