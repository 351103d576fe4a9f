package co.interakt.capture.agent;

import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * The class file transformer, in plain JDK code: it sees every class the JVM loads, so its common
 * answer, "not ours", must cost next to nothing. A class can declare an advised
 * {@code doFilter(ServletRequest, ServletResponse, FilterChain)} or
 * {@code service(ServletRequest, ServletResponse)} only if a string of its constant pool starts
 * as that descriptor does. Only such a class, of a loader that sees the servlet API, is looked at
 * further ({@link ServletTypes}) and woven ({@link ServletMethodWeaver}); every other class costs
 * a walk over its constant pool.
 */
final class ServletTransformer implements ClassFileTransformer {
    private static final System.Logger LOG = System.getLogger(ServletTransformer.class.getName());

    /** Class loading inside a transformation (ASM's classes, a loader's own) re-enters: left alone. */
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();
    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();

    // Arrays and plain loops here: this runs for every class the JVM loads, from premain on, and a
    // lambda or stream would cost start-up time to link.
    private final List<ServletNamespace> namespaces;
    private final byte[][] descriptorStarts;
    private final ServletLoaderMatcher[] loaders;
    private final String[] ignoredPrefixes;
    private final TransformerStats stats = new TransformerStats();

    ServletTransformer(List<ServletNamespace> namespaces, List<String> ignoredPackagePrefixes) {
        this.namespaces = List.copyOf(namespaces);
        this.descriptorStarts = new byte[this.namespaces.size()][];
        this.loaders = new ServletLoaderMatcher[this.namespaces.size()];
        for (int i = 0; i < descriptorStarts.length; i++) {
            descriptorStarts[i] = descriptorStart(this.namespaces.get(i));
            loaders[i] = new ServletLoaderMatcher(this.namespaces.get(i));
        }
        this.ignoredPrefixes = new String[ignoredPackagePrefixes.size()];
        for (int i = 0; i < ignoredPrefixes.length; i++) {
            ignoredPrefixes[i] = ignoredPackagePrefixes.get(i).replace('.', '/');
        }
    }

    /** {@link ServletNamespace#descriptorStart()} as the bytes a class file spells it in. */
    static byte[] descriptorStart(ServletNamespace namespace) {
        return namespace.descriptorStart().getBytes(StandardCharsets.US_ASCII);
    }

    /** What this transformer did so far, and at what cost. */
    TransformerStats stats() {
        return stats;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (BUSY.get() != null) {
            return null; // a class loaded by this transformer's own work: not counted
        }
        long began = System.nanoTime();
        try {
            return transformTimed(loader, internalName, classFile);
        } finally {
            stats.seen(System.nanoTime() - began);
        }
    }

    private byte[] transformTimed(ClassLoader loader, String internalName, byte[] classFile) {
        if (loader == null || loader == PLATFORM_LOADER || internalName == null || classFile == null || ignored(internalName)) {
            return null; // the bootstrap and platform loaders hold the JDK, never a servlet API
        }
        stats.walked();
        int mentioned = mentionedDescriptors(classFile, descriptorStarts);
        if (mentioned == 0) {
            return null; // nearly every class ends here
        }
        // From here on class loading may happen on this thread (the loader's resources, ASM's
        // classes) and would come back through here: left alone while this runs.
        BUSY.set(Boolean.TRUE);
        long began = System.nanoTime();
        try {
            List<ServletNamespace> candidates = new ArrayList<>(descriptorStarts.length);
            for (int i = 0; i < descriptorStarts.length; i++) {
                if ((mentioned & (1 << i)) != 0 && loaders[i].matches(loader)) {
                    candidates.add(namespaces.get(i));
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            // One reader for the three looks at the class file: it parses the constant pool once.
            ClassReader reader = new ClassReader(classFile);
            List<ServletNamespace> declaring = ServletMethodWeaver.declaringAdvised(reader, candidates);
            if (declaring.isEmpty()) {
                return null;
            }
            stats.checked();
            List<ServletNamespace> implemented = ServletTypes.servletOrFilterOf(reader, loader, declaring);
            byte[] woven = implemented.isEmpty() ? null : ServletMethodWeaver.weave(reader, implemented);
            if (woven != null) {
                stats.woven();
                LOG.log(Level.DEBUG, "Interakt capture: instrumented {0}", internalName);
            }
            return woven;
        } catch (Throwable t) {
            // An unreadable class file or a loader that fails on a lookup, say: the class stays as
            // it is, no news for the application's log.
            LOG.log(Level.DEBUG, () -> "Interakt capture: could not instrument " + internalName + ": " + t, t);
            return null;
        } finally {
            BUSY.remove();
            stats.readFurther(System.nanoTime() - began);
        }
    }

    private boolean ignored(String internalName) {
        for (String prefix : ignoredPrefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which of the descriptor starts (bit i for {@code starts[i]}) begin a string of the class
     * file's constant pool. Walks the constant pool entry by entry and compares only where a
     * string begins, so most of the file is skipped, not scanned; a constant pool it cannot walk
     * (a tag newer than this code) is scanned byte by byte instead.
     */
    static int mentionedDescriptors(byte[] classFile, byte[][] starts) {
        try {
            int count = readUnsignedShort(classFile, 8);
            int offset = 10;
            int found = 0;
            for (int index = 1; index < count; index++) {
                int tag = classFile[offset];
                switch (tag) {
                    case 1 -> { // Utf8
                        int length = readUnsignedShort(classFile, offset + 1);
                        found |= startsAt(classFile, offset + 3, length, starts);
                        offset += 3 + length;
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> offset += 5; // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                    case 5, 6 -> { // Long, Double: two slots
                        offset += 9;
                        index++;
                    }
                    case 7, 8, 16, 19, 20 -> offset += 3; // Class, String, MethodType, Module, Package
                    case 15 -> offset += 4; // MethodHandle
                    default -> {
                        return scanned(classFile, starts);
                    }
                }
            }
            return found;
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return scanned(classFile, starts);
        }
    }

    private static int startsAt(byte[] classFile, int offset, int length, byte[][] starts) {
        int found = 0;
        for (int i = 0; i < starts.length; i++) {
            byte[] start = starts[i];
            if (length >= start.length && classFile[offset] == start[0] && classFile[offset + 1] == start[1]
                    && Arrays.equals(classFile, offset, offset + start.length, start, 0, start.length)) {
                found |= 1 << i;
            }
        }
        return found;
    }

    private static int scanned(byte[] classFile, byte[][] starts) {
        int found = 0;
        for (int i = 0; i < starts.length; i++) {
            if (contains(classFile, starts[i])) {
                found |= 1 << i;
            }
        }
        return found;
    }

    private static int readUnsignedShort(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    /** Whether {@code pattern} occurs in {@code bytes}: a plain scan, class files are a few KiB. */
    static boolean contains(byte[] bytes, byte[] pattern) {
        byte first = pattern[0];
        int last = bytes.length - pattern.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
