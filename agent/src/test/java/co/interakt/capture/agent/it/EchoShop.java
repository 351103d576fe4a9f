package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts {@link EchoShopApp} in a child JVM (this module's test class path, the agent's own classes
 * left out so they can only come from the jar), logging everything of ours one line per record,
 * and reads that log back.
 */
final class EchoShop {
    private EchoShop() {
    }

    /** The app at {@code http://127.0.0.1:<port>/shop}, not yet waited for. */
    static RunningApp launch(Class<?> test, String name, List<String> jvmOptions, Map<String, String> environment) {
        int port = AgentSetup.freePort();
        Path work = AgentSetup.workDir(test);
        Path logging = work.resolve("child-logging.properties");
        try (InputStream in = EchoShop.class.getResourceAsStream("/reliability/child-logging.properties")) {
            Files.copy(in, logging, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = Stream.of(List.of(ChildProcess.java()), jvmOptions,
                List.of("-Djava.util.logging.config.file=" + logging, "-Dport=" + port,
                        "-cp", FilterAndAgentIT.appClassPath(), EchoShopApp.class.getName())).flatMap(List::stream).toList();
        ChildProcess process = ChildProcess.start(name, command, environment, work, work.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port + "/shop"));
    }

    /** The capture's own WARNING about skipped signups, as the child's one-line format writes it. */
    static final String SKIP_REPORT = "WARNING co.interakt.capture: Interakt capture: ";

    /**
     * Lines of a child's log that show something went wrong: an exception, a stack frame, a WARNING or SEVERE record
     * (other than the capture's reports of skipped signups, which is what it is meant to say).
     */
    static List<String> problems(String log) {
        return log.lines().filter(line -> line.startsWith("SEVERE ") || (line.startsWith("WARNING ") && !line.startsWith(SKIP_REPORT))
                || line.contains("Exception")
                || line.startsWith("\tat ") || line.contains("capture failed")).toList();
    }

    /** The capture's skip reasons, in the order the requests were made. */
    static List<String> skipReasons(String log) {
        String marker = "capture skipped: rule=signup reason=";
        return log.lines().filter(line -> line.contains(marker)).map(line -> line.substring(line.indexOf(marker) + marker.length())).toList();
    }
}
