package co.interakt.capture.agent.it;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the integration tests share: the built agent jar, test credentials and free ports. */
final class AgentSetup {
    static final String APP_ID = "it-app";
    /** Distinctive, so a test can prove it never reaches a log. */
    static final String API_KEY = "it-key-5ecr3t-never-logged";

    private AgentSetup() {
    }

    /** The shaded agent jar the {@code package} phase built (Failsafe runs after it). */
    static Path agentJar() {
        return existing("agent.jar");
    }

    /** A file the build passes in a system property, e.g. an example app's artifact. */
    static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven (mvn verify)");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " = " + path + " does not exist; build it first (mvn verify)");
        }
        return path;
    }

    /**
     * Settings through system properties, like an operator would give them; the key comes from
     * the {@link #environment()} (Tomcat, for one, logs every JVM option at start-up).
     */
    static List<String> settings(InteraktSandbox sandbox) {
        return List.of("-Dinterakt.app-id=" + APP_ID, "-Dinterakt.base-url=" + sandbox.baseUrl());
    }

    /** The API key, the way the README recommends giving it. */
    static Map<String, String> environment() {
        return Map.of("INTERAKT_API_KEY", API_KEY);
    }

    /** {@code -javaagent:} with agent arguments (a list value continued after a comma) plus the settings. */
    static List<String> agentOptions(InteraktSandbox sandbox) {
        return concat(List.of("-javaagent:" + agentJar() + "=rule.signup.paths=/signup,/api/signup"), settings(sandbox));
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A port free right now (the child binds it a moment later). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a test class keeps its child processes' logs and files. */
    static Path workDir(Class<?> test) {
        Path dir = Path.of(System.getProperty("it.work.dir", "target/it-work"), test.getSimpleName());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.toAbsolutePath();
    }
}
