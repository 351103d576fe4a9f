package co.interakt.capture.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command the README shows, run as a user runs it, on a copy of the repository that holds
 * only its sources: no {@code target/} of this build, and (this build never installs) no artifact
 * of this project in the local Maven repository, so {@code ./demo.sh}'s own build starts from
 * nothing, as on a fresh clone.
 *
 * <p>Commands are the lines of the README's {@code ```sh} blocks, run in their order. A command of a
 * kind this test does not know how to run fails the test: a README command that no test runs is a
 * bug waiting. Long-running commands (the demo, servers) are checked and stopped: the demo in its
 * smoke mode ({@code DEMO_SMOKE=true}: one signup must reach the sandbox), a server until it answers
 * on its port. The ports 8080 and 8099 in a command are replaced by free ones.
 */
class ReadmeCommandsIT {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern SH_BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work = Path.of(System.getProperty("it.work.dir", "target/it-work"), getClass().getSimpleName())
            .toAbsolutePath();

    @Test
    void everyReadmeCommandWorksOnACopyOfTheSources() throws Exception {
        List<String> commands = commands(Files.readString(ROOT.resolve("README.md")));
        assertTrue(commands.contains("./demo.sh"), "the README's first command runs the demo: " + commands);
        Path clone = copyOfSources();
        List<String> ran = new ArrayList<>();
        for (String command : commands) {
            Path log = work.resolve("command-" + (ran.size() + 1) + ".log");
            if (command.equals("./demo.sh")) {
                runDemoSmoke(clone, log);
            } else if (command.equals("mvn -B verify")) {
                assertCiRuns(command);
            } else if (command.startsWith("mvn ")) {
                runToEnd(clone, command, log, Map.of());
            } else if (command.contains("java ")) {
                runServer(clone, command, log);
            } else {
                fail("README command that no test runs (teach ReadmeCommandsIT how to run it): " + command);
            }
            ran.add(command);
        }
        assertEquals(commands, ran);
    }

    /** The lines of the ```sh blocks, with comments dropped and backslash continuations joined. */
    static List<String> commands(String readme) {
        List<String> commands = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(readme);
        while (block.find()) {
            StringBuilder current = new StringBuilder();
            for (String line : block.group(1).split("\n")) {
                String text = line.replaceFirst("\\s+#.*$", "").strip();
                if (text.startsWith("#")) {
                    continue;
                }
                if (text.endsWith("\\")) {
                    current.append(text, 0, text.length() - 1).append(' ');
                    continue;
                }
                current.append(text);
                String command = current.toString().replaceAll("\\s+", " ").strip();
                if (!command.isEmpty()) {
                    commands.add(command);
                }
                current.setLength(0);
            }
        }
        return commands;
    }

    /** CI runs the test command itself: {@code .ci/run} must call exactly what the README says. */
    private static void assertCiRuns(String command) throws IOException {
        List<String> ciLines = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip).toList();
        assertTrue(ciLines.contains(command), ".ci/run must run the README's test command '" + command + "'");
    }

    private void runDemoSmoke(Path clone, Path log) throws Exception {
        Map<String, String> env = Map.of(
                "DEMO_SMOKE", "true",
                "DEMO_APP_PORT", String.valueOf(DemoProcess.freePort()),
                "DEMO_SANDBOX_PORT", String.valueOf(DemoProcess.freePort()),
                "DEMO_SPOOL_DIR", Files.createTempDirectory(work, "spool").toString());
        String output = runToEnd(clone, "./demo.sh", log, env);
        assertTrue(output.contains("demo smoke: the signup of"), output);
    }

    /** Runs to its end; a non-zero exit fails with the output. Returns the output. */
    private String runToEnd(Path dir, String command, Path log, Map<String, String> env) throws Exception {
        Process process = shell(dir, command, log, env).start();
        if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            destroyTree(process);
            fail("'" + command + "' still running after " + BUILD_TIMEOUT + ":\n" + tail(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "'" + command + "' failed:\n" + tail(log));
        return output;
    }

    /** Starts a server command, waits until it answers HTTP on its port, then stops it. */
    private void runServer(Path dir, String command, Path log) throws Exception {
        int port = DemoProcess.freePort();
        String portless = command.replaceAll("\\b(8080|8099)\\b", String.valueOf(port));
        assertFalse(portless.equals(command), "a server command names its port (8080 or 8099): " + command);
        Process process = shell(dir, portless, log, Map.of()).start();
        try {
            Instant deadline = Instant.now().plus(SERVER_TIMEOUT);
            while (!answers(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    fail("'" + command + "' did not serve HTTP on port " + port + ":\n" + tail(log));
                }
                Thread.sleep(200);
            }
            if (command.contains("-javaagent:")) {
                assertTrue(Files.readString(log).contains("Interakt capture agent"),
                        "the agent did not log its start line:\n" + tail(log));
            }
        } finally {
            destroyTree(process);
        }
    }

    private static boolean answers(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ProcessBuilder shell(Path dir, String command, Path log, Map<String, String> env) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The sandbox, whatever the developer's shell has: a README command under test never reaches the real API.
        builder.environment().keySet().removeIf(name -> name.startsWith("INTERAKT_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return builder;
    }

    /**
     * The sources as a fresh clone has them: the files git tracks, or would track (new files not yet
     * committed), never build output.
     */
    private Path copyOfSources() throws Exception {
        Path clone = work.resolve("clone");
        if (Files.exists(clone)) {
            try (var paths = Files.walk(clone)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Process git = new ProcessBuilder("git", "-C", ROOT.toString(), "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files failed");
        for (String file : listing.split("\0")) {
            Path source = ROOT.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue; // deleted in the working tree, not yet committed
            }
            Path target = clone.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return clone;
    }

    private static void destroyTree(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
