package co.interakt.capture.spring.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot executable jar in a child JVM ({@code java [jvmOptions] -jar app.jar --server.port=0 [args]}),
 * its output in a log file; the port is the one Boot reports having started on.
 */
final class BootApp implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern STARTED_ON = Pattern.compile("started on port (\\d+)");

    private final String name;
    private final Process process;
    private final Path log;

    private BootApp(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static BootApp start(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> environment) {
        Path work = Path.of(System.getProperty("it.work.dir", "target/it-work"));
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=0");
        command.addAll(args);
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("INTERAKT_"));
            builder.environment().putAll(environment);
            return new BootApp(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A file property set by the build (dependency:properties). */
    static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " does not name a file: " + value + " (run through Maven)");
        }
        return Path.of(value);
    }

    /** Waits until Boot says which port it listens on; fails with the output if it exits first. */
    URI awaitStarted() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            Matcher m = STARTED_ON.matcher(log());
            if (m.find()) {
                return URI.create("http://127.0.0.1:" + m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited before listening\n" + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " not listening after " + START_TIMEOUT + "\n" + log());
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM, as a service manager stops an app (Boot's shutdown hook closes the context); waits for the exit. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end within 60 s\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
