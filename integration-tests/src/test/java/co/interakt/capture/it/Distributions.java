package co.interakt.capture.it;

import co.interakt.capture.filter.harness.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standalone containers as an operator runs them, the WAR in {@code webapps/} (context
 * {@code /shop}) and the JVM options on the container's own java command line. Each run gets its
 * own base directory (ports, logs, work) over the one unpacked home.
 */
final class Distributions {
    static final String CONTEXT = "/shop";

    private Distributions() {
    }

    /**
     * The Jetty 12 distribution: {@code java -jar $JETTY_HOME/start.jar --add-modules=http,ee10-deploy}
     * makes a fresh {@code jetty.base}, then {@code java <jvmOptions> -jar start.jar} runs it.
     */
    static RunningApp jetty(Class<?> test, String name, Path war, List<String> jvmOptions, Map<String, String> environment) throws IOException {
        Path home = ItSetup.existing("jetty.home");
        Path base = freshDirectory(ItSetup.workDir(test).resolve(name));
        String startJar = home.resolve("start.jar").toString();
        try (ChildProcess setup = ChildProcess.start(name + "-setup", List.of(ChildProcess.java(), "-jar", startJar,
                "--add-modules=http,ee10-deploy"), Map.of(), base, base.resolve("setup.log"))) {
            int exit = setup.awaitExit();
            if (exit != 0) {
                throw new AssertionError("jetty.base setup exited with " + exit + "\n" + setup.logText());
            }
        }
        Files.copy(war, base.resolve("webapps").resolve(CONTEXT.substring(1) + ".war"), StandardCopyOption.REPLACE_EXISTING);
        int port = ItSetup.freePort();
        List<String> command = ItSetup.concat(List.of(ChildProcess.java()), jvmOptions,
                List.of("-jar", startJar, "jetty.http.host=127.0.0.1", "jetty.http.port=" + port));
        ChildProcess process = ChildProcess.start(name, command, environment, base, base.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port + CONTEXT));
    }

    /**
     * The Tomcat 11 distribution: {@code catalina.sh run} with the JVM options in
     * {@code CATALINA_OPTS}; the base's server.xml has our HTTP port and no shutdown port.
     */
    static RunningApp tomcat(Class<?> test, String name, Path war, List<String> jvmOptions, Map<String, String> environment) throws IOException {
        Path home = ItSetup.existing("tomcat.home");
        Path base = freshDirectory(ItSetup.workDir(test).resolve(name));
        for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        int port = ItSetup.freePort();
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml);
        String changed = xml.replace("port=\"8005\"", "port=\"-1\"").replace("port=\"8080\"", "port=\"" + port + "\"");
        if (changed.equals(xml)) {
            throw new IllegalStateException("unexpected server.xml in " + home + ": ports 8005/8080 not found");
        }
        Files.writeString(serverXml, changed);
        Files.copy(war, base.resolve("webapps").resolve(CONTEXT.substring(1) + ".war"));
        Map<String, String> tomcatEnvironment = new HashMap<>(environment);
        tomcatEnvironment.putAll(Map.of(
                "CATALINA_HOME", home.toString(),
                "CATALINA_BASE", base.toString(),
                "CATALINA_OPTS", String.join(" ", jvmOptions),
                "JAVA_HOME", System.getProperty("java.home")));
        // `catalina.sh run` execs the JVM in the foreground, so stopping the process stops Tomcat.
        ChildProcess process = ChildProcess.start(name, List.of("/bin/sh", home.resolve("bin/catalina.sh").toString(), "run"),
                tomcatEnvironment, base, base.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port + CONTEXT));
    }

    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(Distributions::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
