package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standalone Tomcat 11 distribution with examples/webapp-war deployed in {@code webapps/} and
 * the agent given through {@code CATALINA_OPTS}, as an operator would. The servlet API lives in
 * Tomcat's common class loader, the servlets in the web application's own loader: this is the
 * class-loader case the bridge exists for. Each run gets its own {@code CATALINA_BASE} (ports,
 * logs, work directory) over the one unpacked {@code CATALINA_HOME}.
 */
class StandaloneTomcatAgentIT extends AgentScenario {
    private static final String CONTEXT = "/signup-webapp";

    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws IOException {
        Path home = AgentSetup.existing("tomcat.home");
        Path war = AgentSetup.existing("example.war");
        Path base = AgentSetup.workDir(getClass()).resolve(name);
        int port = AgentSetup.freePort();
        createBase(home, base, port);
        Files.copy(war, base.resolve("webapps").resolve(CONTEXT.substring(1) + ".war"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> tomcatEnvironment = new java.util.HashMap<>(environment);
        tomcatEnvironment.putAll(Map.of(
                "CATALINA_HOME", home.toString(),
                "CATALINA_BASE", base.toString(),
                "CATALINA_OPTS", String.join(" ", jvmOptions),
                "JAVA_HOME", System.getProperty("java.home")));
        // `catalina.sh run` execs the JVM in the foreground, so stopping the process stops Tomcat.
        List<String> command = List.of("/bin/sh", home.resolve("bin/catalina.sh").toString(), "run");
        ChildProcess process = ChildProcess.start(name, command, tomcatEnvironment, base, base.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port + CONTEXT));
    }

    /** A fresh CATALINA_BASE: the distribution's conf with our HTTP port and no shutdown port, empty webapps. */
    private static void createBase(Path home, Path base, int port) throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> old = Files.walk(base)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(StandaloneTomcatAgentIT::delete);
            }
        }
        for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml);
        String changed = xml.replace("port=\"8005\"", "port=\"-1\"").replace("port=\"8080\"", "port=\"" + port + "\"");
        if (changed.equals(xml) || !changed.contains("port=\"" + port + "\"")) {
            throw new IllegalStateException("unexpected server.xml in " + home + ": ports 8005/8080 not found");
        }
        Files.writeString(serverXml, changed);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
