package co.interakt.capture.examples.tomcat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * A WAR (its {@code web.xml}, its {@code WEB-INF/lib}) on embedded Tomcat 9, at the root context,
 * the way a standalone Tomcat would deploy it:
 * <pre>
 * java -Dwar=signup-webapp-javax.war -cp embedded-tomcat9.jar co.interakt.capture.examples.tomcat.TomcatWarApp
 * </pre>
 * The port is {@code -Dport=...} (default 8080). {@link TomcatSignupApp} is the same servlets
 * registered in code instead.
 */
public final class TomcatWarApp {
    private TomcatWarApp() {
    }

    public static void main(String[] args) throws Exception {
        String war = System.getProperty("war");
        if (war == null || !Files.isRegularFile(Path.of(war))) {
            throw new IllegalArgumentException("-Dwar=<path of a .war file> is required, got " + war);
        }
        int port = Integer.getInteger("port", 8080);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("embedded-tomcat9-war").toString());
        tomcat.setPort(port);
        tomcat.getConnector(); // the default HTTP connector, on that port
        Files.createDirectories(tomcat.getHost().getAppBaseFile().toPath()); // where the WAR is unpacked
        // No JSP engine on the class path: leave out the default web.xml, which declares Tomcat's JSP servlet.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        tomcat.addWebapp("", Path.of(war).toAbsolutePath().toString());
        tomcat.start();
        // As a standalone Tomcat does: stopping the JVM undeploys the application, so its filters'
        // destroy() runs (the Interakt filter delivers what it has queued there).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat), "tomcat-shutdown"));
        System.out.println("WAR " + war + " on embedded Tomcat 9: http://localhost:" + port + "/");
        tomcat.getServer().await();
    }

    private static void stop(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        }
    }
}
