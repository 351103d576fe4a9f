package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.ChildProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An example app in a child process, and the URL its pages are under (context path included). */
record RunningApp(ChildProcess process, URI base) implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * {@code java <jvmOptions> -D<portProperty>=<free port> -jar <jar>}, started in the test class's
     * work directory with its output in {@code <name>.log} there.
     */
    static RunningApp javaJar(Class<?> test, String name, Path jar, String portProperty, List<String> jvmOptions,
            Map<String, String> environment) {
        return java(test, name, List.of("-jar", jar.toString()), portProperty, jvmOptions, environment);
    }

    /** {@code java <jvmOptions> -D<portProperty>=<free port> -cp <jar> <mainClass>}: another main class of an app jar. */
    static RunningApp javaMain(Class<?> test, String name, Path jar, String mainClass, String portProperty, List<String> jvmOptions,
            Map<String, String> environment) {
        return java(test, name, List.of("-cp", jar.toString(), mainClass), portProperty, jvmOptions, environment);
    }

    private static RunningApp java(Class<?> test, String name, List<String> launch, String portProperty, List<String> jvmOptions,
            Map<String, String> environment) {
        int port = AgentSetup.freePort();
        Path work = AgentSetup.workDir(test);
        List<String> command = Stream.of(List.of(ChildProcess.java()), jvmOptions,
                List.of("-D" + portProperty + "=" + port), launch).flatMap(List::stream).toList();
        ChildProcess process = ChildProcess.start(name, command, environment, work, work.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port));
    }

    /** Waits until {@code GET /hello} answers; fails with the app's output if it dies or never does. */
    RunningApp awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Exchange.answers(base, "/hello")) {
            if (!process.alive()) {
                throw new AssertionError(process.name() + " exited before answering\n" + process.logText());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(process.name() + " not answering " + base + "/hello after " + START_TIMEOUT + "\n" + process.logText());
            }
            sleep();
        }
        return this;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }
}
