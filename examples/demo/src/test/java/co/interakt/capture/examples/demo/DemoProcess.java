package co.interakt.capture.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./demo.sh} as the README runs it, in a child process: no build (the reactor just built
 * everything), free ports, never the real API. Its output goes to a log file.
 */
final class DemoProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String READY_LINE = "Press Ctrl-C to stop.";

    private final Process process;
    private final Path log;
    final int appPort;
    final int sandboxPort;

    private DemoProcess(Process process, Path log, int appPort, int sandboxPort) {
        this.process = process;
        this.log = log;
        this.appPort = appPort;
        this.sandboxPort = sandboxPort;
    }

    /** Runs the script with these ports and waits for it to exit; its output is returned. */
    static Run runToEnd(int appPort, int sandboxPort, Path log) throws IOException, InterruptedException {
        Process process = builder(appPort, sandboxPort, log).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("demo.sh still running after 60 s:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String output) {
    }

    /** Starts the demo on free ports and waits until it prints its URLs. */
    static DemoProcess start(Path log) throws IOException, InterruptedException {
        int appPort = freePort();
        int sandboxPort = freePort();
        DemoProcess demo = new DemoProcess(builder(appPort, sandboxPort, log).start(), log, appPort, sandboxPort);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!demo.output().contains(READY_LINE)) {
            if (!demo.process.isAlive() || Instant.now().isAfter(deadline)) {
                demo.close();
                throw new AssertionError("demo.sh did not start (exit " + (demo.process.isAlive() ? "-" : demo.process.exitValue())
                        + "):\n" + demo.output());
            }
            Thread.sleep(100);
        }
        return demo;
    }

    private static ProcessBuilder builder(int appPort, int sandboxPort, Path log) throws IOException {
        Path script = Path.of(System.getProperty("demo.script", "../../demo.sh")).toAbsolutePath().normalize();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The sandbox, whatever the developer's shell has: the test must never reach the real API.
        env.keySet().removeIf(name -> name.startsWith("INTERAKT_"));
        env.putAll(Map.of(
                "DEMO_BUILD", "false",
                // A fresh spool: nothing left over from an earlier run may reach this run's sandbox.
                "DEMO_SPOOL_DIR", Files.createTempDirectory(log.getParent(), "spool").toString(),
                "DEMO_APP_PORT", String.valueOf(appPort),
                "DEMO_SANDBOX_PORT", String.valueOf(sandboxPort),
                "JAVA_HOME", System.getProperty("java.home")));
        return builder;
    }

    String appUrl(String path) {
        return "http://localhost:" + appPort + path;
    }

    String sandboxUrl(String path) {
        return "http://localhost:" + sandboxPort + path;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the script as Ctrl-C would (it traps INT and TERM alike); returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("demo.sh did not stop within 60 s:\n" + output());
        }
        return process.exitValue();
    }

    /** {@code true} while something accepts connections on the port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Never leaves a JVM behind, whatever happened: the script's children first, then the script. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
