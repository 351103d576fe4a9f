package co.interakt.capture.it;

import co.interakt.capture.filter.harness.ChildProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An app in a child process and the URL its pages are under (context path included). */
record RunningApp(ChildProcess process, URI base) implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** {@code java <jvmOptions> <launch...>}, in the test class's work directory, output in {@code <name>.log}. */
    static RunningApp java(Class<?> test, String name, List<String> jvmOptions, List<String> launch, Map<String, String> environment,
            int port, String contextPath) {
        Path work = ItSetup.workDir(test);
        List<String> command = ItSetup.concat(List.of(ChildProcess.java()), jvmOptions, launch);
        ChildProcess process = ChildProcess.start(name, command, environment, work, work.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port + contextPath));
    }

    /** Waits until {@code GET /hello} answers 200; fails with the app's output if it dies or never does. */
    RunningApp awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!HttpCall.answers(base, "/hello")) {
            if (!process.alive()) {
                throw new AssertionError(process.name() + " exited before answering\n" + process.logText());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(process.name() + " not answering " + base + "/hello after " + START_TIMEOUT + "\n" + process.logText());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    String log() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }
}
