package co.interakt.capture.examples.tomcat;

import co.interakt.capture.examples.servlets.ContactServlet;
import co.interakt.capture.examples.servlets.HelloServlet;
import co.interakt.capture.examples.servlets.SignupServlet;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * The signup servlets on embedded Tomcat (the version its pom names; no version here, as the
 * javax twin is generated from this source). Run it with the agent, no change to the code:
 * <pre>
 * java -javaagent:interakt-capture-agent.jar -jar embedded-tomcat.jar
 * </pre>
 * The port is {@code -Dport=...} (default 8080).
 */
public final class TomcatSignupApp {
    private TomcatSignupApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 8080);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("embedded-tomcat").toString());
        tomcat.setPort(port);
        tomcat.getConnector(); // the default HTTP connector, on that port
        Context context = tomcat.addContext("", null);
        add(context, "/signup", new SignupServlet());
        add(context, "/contact", new ContactServlet());
        add(context, "/hello", new HelloServlet());
        tomcat.start();
        System.out.println("Signup example on embedded Tomcat: http://localhost:" + port + "/signup");
        tomcat.getServer().await();
    }

    private static void add(Context context, String path, HttpServlet servlet) {
        String name = servlet.getClass().getSimpleName();
        Tomcat.addServlet(context, name, servlet);
        context.addServletMappingDecoded(path, name);
    }
}
