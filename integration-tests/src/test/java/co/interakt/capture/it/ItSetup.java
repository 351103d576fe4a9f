package co.interakt.capture.it;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the framework ITs share: the files the build passes in, credentials, ports, work directories. */
final class ItSetup {
    static final String APP_ID = "it-app";
    /** Distinctive, so a test can prove it never reaches a log. */
    static final String API_KEY = "it-key-5ecr3t-never-logged";
    /** The signup paths of every app here, given to the agent (the filter WAR says the same in web.xml). */
    static final String SIGNUP_PATHS = "/signup,/api/**,/jersey/**";

    private ItSetup() {
    }

    /** A file the build passes in a system property (see the failsafe configuration). */
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

    /** The one-line class path a launcher module wrote, with the launcher's own jar in front. */
    static String classPath(String app) {
        try {
            return existing("app." + app + ".jar") + java.io.File.pathSeparator
                    + Files.readString(existing("app." + app + ".classpath")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings through system properties, as an operator gives them; the key comes from {@link #environment()}. */
    static List<String> settings(InteraktSandbox sandbox) {
        return List.of("-Dinterakt.app-id=" + APP_ID, "-Dinterakt.base-url=" + sandbox.baseUrl());
    }

    static Map<String, String> environment() {
        return Map.of("INTERAKT_API_KEY", API_KEY);
    }

    /** {@code -javaagent:} with the signup paths as agent arguments, plus the settings. */
    static List<String> agentOptions(InteraktSandbox sandbox) {
        return concat(List.of("-javaagent:" + existing("agent.jar") + "=rule.signup.paths=" + SIGNUP_PATHS), settings(sandbox));
    }

    /**
     * Logging that shows the capture's FINE lines (why it skipped), for JVMs logging through JUL
     * and for Spring Boot's Logback alike; it changes nothing the app answers.
     */
    static List<String> verboseCaptureLogging() {
        Path config = Path.of(System.getProperty("it.child.logging", "src/test/resources/child-logging.properties")).toAbsolutePath();
        return List.of("-Djava.util.logging.config.file=" + config, "-Dlogging.level.co.interakt=DEBUG");
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
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
