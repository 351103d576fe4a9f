package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.ChildProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every filter and servlet class of Jetty 12, Tomcat 11, Tomcat 9 (javax) and the libraries of
 * Spring Boot 3 and 2 apps, woven by the agent as it loads them, passes the JVM's verifier: the
 * woven code is correct on these class files, not only on the few classes a request goes through
 * in the other ITs.
 */
class WovenClassesVerifyIT {
    private static final Pattern INSTRUMENTED = Pattern.compile("Interakt capture: instrumented (\\S+)");
    private static final Pattern LINKED = Pattern.compile("linked (\\d+),");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"example.jetty.jar, jakarta", "example.tomcat.jar, jakarta", "example.tomcat9.jar, javax",
            "example.spring-boot.jar, jakarta", "example.spring-boot2.jar, javax"})
    void everyWovenClassOfTheContainerLinks(String example, String namespace) throws Exception {
        Path work = AgentSetup.workDir(getClass()).resolve(example);
        Files.createDirectories(work);
        Path logging = work.resolve("logging.properties");
        Files.writeString(logging, String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=FINE",
                "co.interakt.capture.agent.ServletTransformer.level=FINE", ""));
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(),
                "-javaagent:" + AgentSetup.agentJar() + "=dry-run=true",
                "-Djava.util.logging.config.file=" + logging,
                "-cp", Path.of(LinkEveryServletClass.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                LinkEveryServletClass.class.getName()));
        command.addAll(libraries(AgentSetup.existing(example), work));

        String log;
        try (ChildProcess child = ChildProcess.start(example, command, Map.of(), work, work.resolve("child.log"))) {
            assertEquals(0, child.awaitExit(), child.logText());
            log = child.logText();
        }

        assertFalse(log.contains("REJECTED"), log);
        Matcher linked = LINKED.matcher(log);
        assertTrue(linked.find(), log);
        List<String> instrumented = INSTRUMENTED.matcher(log).results().map(m -> m.group(1)).toList();
        assertTrue(instrumented.contains(namespace + "/servlet/http/HttpServlet"), log);
        assertTrue(instrumented.contains(namespace + "/servlet/http/HttpFilter"), log);
        // Each container has several filters and servlets of its own: the scan must find them too.
        assertTrue(instrumented.size() >= 8, "only " + instrumented + " woven\n" + log);
        assertTrue(Integer.parseInt(linked.group(1)) >= instrumented.size(), log);
    }

    /**
     * The example's class path: its jar and the libraries next to it, or a Spring Boot jar's
     * nested libraries (Spring's filters and servlets), copied out into {@code work}.
     */
    private static List<String> libraries(Path exampleJar, Path work) throws IOException {
        List<String> jars = new ArrayList<>(List.of(exampleJar.toString()));
        Path lib = exampleJar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).forEach(jars::add);
            }
            return jars;
        }
        Path nested = Files.createDirectories(work.resolve("BOOT-INF-lib"));
        try (JarFile boot = new JarFile(exampleJar.toFile())) {
            for (JarEntry entry : Collections.list(boot.entries())) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    Path target = nested.resolve(name.substring("BOOT-INF/lib/".length()));
                    try (InputStream in = boot.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    jars.add(target.toString());
                }
            }
        }
        return jars;
    }
}
