package co.interakt.capture.agent;

import java.io.IOException;
import java.io.InputStream;
import java.security.ProtectionDomain;

/**
 * Joins the application's servlet API to the agent's engine. Its parent is the class loader that
 * defined the application's servlet API (Tomcat's common loader, Spring Boot's nested-jar loader,
 * the system loader of a flat class path...). It defines the agent's servlet-layer classes itself,
 * from their bytes in the agent jar, so their servlet API references resolve to the
 * application's API; it hands every other class of ours to the agent's loader, so all bridges
 * share the agent's one engine; and everything else to its parent.
 */
final class BridgeClassLoader extends ClassLoader {
    /** Our classes (agent, engine, relocated libraries) all live under this root. */
    private static final String OUR_ROOT = "co.interakt.capture.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader agentLoader;
    private final ServletNamespace namespace;
    private final ProtectionDomain protectionDomain;

    BridgeClassLoader(ClassLoader servletApiLoader, ClassLoader agentLoader, ServletNamespace namespace) {
        super("interakt-capture-bridge", servletApiLoader);
        this.agentLoader = agentLoader;
        this.namespace = namespace;
        this.protectionDomain = BridgeClassLoader.class.getProtectionDomain();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (namespace.definedInBridge(name)) {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = defineFromAgentJar(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
        if (name.startsWith(OUR_ROOT)) {
            return agentLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    private Class<?> defineFromAgentJar(String name) throws ClassNotFoundException {
        byte[] bytes;
        try (InputStream in = agentLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        String packageName = name.substring(0, name.lastIndexOf('.'));
        if (getDefinedPackage(packageName) == null) {
            try {
                definePackage(packageName, null, null, null, null, null, null, null);
            } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
                // fine: the package exists either way
            }
        }
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }
}
