package co.interakt.capture.agent;

import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * The class file transformer, in plain JDK code: it sees every class the JVM loads, so its common
 * answer, "not ours", must cost next to nothing. A class can declare an advised
 * {@code doFilter(ServletRequest, ServletResponse, FilterChain)} or
 * {@code service(ServletRequest, ServletResponse)} only if its constant pool spells the start of
 * that descriptor. Only such a class, of a loader that sees the servlet API, is looked at further
 * ({@link ServletTypes}) and woven ({@link ServletMethodWeaver}); every other class costs a byte
 * scan.
 */
final class ServletTransformer implements ClassFileTransformer {
    private static final System.Logger LOG = System.getLogger(ServletTransformer.class.getName());

    /** Class loading inside a transformation (ASM's classes, a loader's own) re-enters: left alone. */
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();

    // Arrays and plain loops here: this runs for every class the JVM loads, from premain on, and a
    // lambda or stream would cost start-up time to link.
    private final List<ServletNamespace> namespaces;
    private final byte[][] descriptorStarts;
    private final ServletLoaderMatcher[] loaders;
    private final String[] ignoredPrefixes;

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

    /** {@code (Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;}: both advised methods' descriptors start so. */
    static byte[] descriptorStart(ServletNamespace namespace) {
        return ("(L" + namespace.request().replace('.', '/') + ";L" + namespace.response().replace('.', '/') + ";")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader == null || internalName == null || classFile == null || BUSY.get() != null || ignored(internalName)) {
            return null;
        }
        List<ServletNamespace> candidates = null;
        for (int i = 0; i < descriptorStarts.length; i++) {
            if (contains(classFile, descriptorStarts[i]) && loaders[i].matches(loader)) {
                if (candidates == null) {
                    candidates = new ArrayList<>(descriptorStarts.length);
                }
                candidates.add(namespaces.get(i));
            }
        }
        if (candidates == null) {
            return null;
        }
        BUSY.set(Boolean.TRUE);
        try {
            List<ServletNamespace> implemented = ServletTypes.servletOrFilterOf(classFile, loader, candidates);
            byte[] advised = implemented.isEmpty() ? null : ServletMethodWeaver.weave(classFile, implemented);
            if (advised != null) {
                LOG.log(Level.DEBUG, "Interakt capture: instrumented {0}", internalName);
            }
            return advised;
        } catch (Throwable t) {
            // An unresolvable super type, say: the class stays as it is, no news for the app's log.
            LOG.log(Level.DEBUG, () -> "Interakt capture: could not instrument " + internalName + ": " + t, t);
            return null;
        } finally {
            BUSY.remove();
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
