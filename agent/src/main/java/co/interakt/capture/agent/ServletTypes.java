package co.interakt.capture.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Whether a class being loaded is a concrete filter or servlet, told from class files alone: its
 * own, then its super types' as the class loader finds them as resources. Nothing is loaded while
 * the JVM is in the middle of loading the class, and only the class file headers are read.
 */
final class ServletTypes {
    /** Deeper than any real hierarchy; a bound all the same, against a cycle of broken class files. */
    private static final int MAX_TYPES = 64;

    private ServletTypes() {
    }

    /**
     * The namespaces among {@code candidates} whose {@code Servlet} or {@code Filter} the class
     * implements, directly or through its super types; none for an interface.
     */
    static List<ServletNamespace> servletOrFilterOf(ClassReader reader, ClassLoader loader, List<ServletNamespace> candidates) {
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return Collections.emptyList();
        }
        boolean[] implemented = new boolean[candidates.size()];
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        // Names are checked as they are met, before any class file is read: a filter that
        // implements Filter directly, or whose super class does, is told from its own header or
        // its super class's, without reading the class files of its other interfaces.
        int found = enqueue(pending, seen, reader, candidates, implemented, 0);
        while (!pending.isEmpty() && seen.size() < MAX_TYPES && found < implemented.length) {
            String type = pending.removeFirst();
            if (type.startsWith("java/")) {
                continue; // the JDK implements no servlet API
            }
            byte[] superType = read(loader, type);
            if (superType != null) {
                found = enqueue(pending, seen, new ClassReader(superType), candidates, implemented, found);
            }
        }
        List<ServletNamespace> namespaces = new ArrayList<>(found);
        for (int i = 0; i < implemented.length; i++) {
            if (implemented[i]) {
                namespaces.add(candidates.get(i));
            }
        }
        return namespaces;
    }

    /** Queues the type's super class and interfaces not seen yet, marking the namespaces they are the Servlet or Filter of; returns the new count found. */
    private static int enqueue(Deque<String> pending, Set<String> seen, ClassReader reader, List<ServletNamespace> candidates,
            boolean[] implemented, int found) {
        String superName = reader.getSuperName();
        if (superName != null) {
            found = meet(pending, seen, superName, candidates, implemented, found);
        }
        for (String type : reader.getInterfaces()) {
            found = meet(pending, seen, type, candidates, implemented, found);
        }
        return found;
    }

    private static int meet(Deque<String> pending, Set<String> seen, String type, List<ServletNamespace> candidates,
            boolean[] implemented, int found) {
        if (!seen.add(type)) {
            return found;
        }
        for (int i = 0; i < implemented.length; i++) {
            ServletNamespace namespace = candidates.get(i);
            if (type.equals(ServletNamespace.internal(namespace.servlet())) || type.equals(ServletNamespace.internal(namespace.filter()))) {
                if (!implemented[i]) {
                    implemented[i] = true;
                    found++;
                }
                return found; // the API's own interface: nothing above it to read
            }
        }
        pending.addLast(type);
        return found;
    }

    /** The class file of a super type, or {@code null} when the loader cannot find it (it then cannot define the class either). */
    private static byte[] read(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
