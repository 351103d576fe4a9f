package co.interakt.capture.it.jetty;

import co.interakt.capture.it.servlets.SignupRoutes;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10) on {@code -Dport} with the plain servlets. */
public final class JettySignupApp {
    private JettySignupApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.getInteger("port", 8080));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        SignupRoutes.servlets().forEach((path, servlet) -> context.addServlet(servlet, path));
        server.setHandler(context);
        server.start();
        server.join();
    }
}
