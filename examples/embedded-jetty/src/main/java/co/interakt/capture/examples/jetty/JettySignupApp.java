package co.interakt.capture.examples.jetty;

import co.interakt.capture.examples.servlets.ContactServlet;
import co.interakt.capture.examples.servlets.HelloServlet;
import co.interakt.capture.examples.servlets.SignupServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/**
 * A signup app on embedded Jetty 12. Run it with the agent, no change to the code:
 * <pre>
 * java -javaagent:interakt-capture-agent.jar -jar embedded-jetty.jar
 * </pre>
 * The port is {@code -Dport=...} (default 8080).
 */
public final class JettySignupApp {
    private JettySignupApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 8080);
        Server server = new Server(port);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(SignupServlet.class, "/signup");
        context.addServlet(JsonSignupServlet.class, "/api/signup");
        context.addServlet(ContactServlet.class, "/contact");
        context.addServlet(HelloServlet.class, "/hello");
        context.addServlet(LibrariesServlet.class, "/libraries");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("Signup example on embedded Jetty: http://localhost:" + port + "/signup");
        server.join();
    }
}
