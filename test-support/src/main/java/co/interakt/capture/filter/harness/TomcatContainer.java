package co.interakt.capture.filter.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Tomcat 11 embedded (Servlet 6.1). A web.xml application gets a real {@link ContextConfig}, which
 * discovers initializers through {@code META-INF/services} on its class loader's parents: that is
 * how our filter jar's initializer is found when it sits on the class path.
 */
final class TomcatContainer implements ContainerUnderTest {
    private Tomcat tomcat;
    private Path baseDir;

    @Override
    public String name() {
        return "tomcat-11";
    }

    @Override
    public boolean discoversInitializers() {
        return true;
    }

    @Override
    public URI start(WebApp... apps) throws Exception {
        baseDir = Files.createTempDirectory("tomcat-it");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        for (WebApp app : apps) {
            Context context = app.webAppDir() != null ? webXmlContext(app) : programmaticContext(app);
            app.initializers().forEach(sci -> context.addServletContainerInitializer(sci, null));
        }
        tomcat.start();
        for (org.apache.catalina.Container child : tomcat.getHost().findChildren()) {
            if (child.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("Tomcat context " + child.getName() + " did not start: " + child.getState());
            }
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private Context programmaticContext(WebApp app) throws IOException {
        Path docBase = Files.createDirectories(baseDir.resolve("docs" + app.contextPath().replace('/', '_')));
        Context context = tomcat.addContext(app.contextPath(), docBase.toString());
        context.addServletContainerInitializer(app.setup(), null);
        return context;
    }

    private Context webXmlContext(WebApp app) {
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        Context context = tomcat.addWebapp(tomcat.getHost(), app.contextPath(), app.webAppDir().toString(), config);
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false); // no web-fragment/annotation scan of the whole test class path
        context.setJarScanner(scanner);
        return context;
    }

    @Override
    public void close() throws Exception {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            deleteQuietly(baseDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
