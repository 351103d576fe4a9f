package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.TestApps;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/**
 * The filter ITs' shop application ({@link TestApps}: servlets that read the body as {@code X-Read}
 * says and echo it) without any filter, at {@code /shop} on Jetty 12, in a JVM of its own: what the
 * reliability ITs run with and without the agent. {@code GET /shop/hello} answers once it is up.
 */
public final class EchoShopApp {
    private EchoShopApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(Integer.getInteger("port"));
        ServletContextHandler shop = new ServletContextHandler(TestApps.CONTEXT);
        shop.addServletContainerInitializer(TestApps.shop(null).setup());
        shop.addServlet(new ServletHolder(new Hello()), "/hello");
        server.setHandler(shop);
        // Stops answering as soon as the JVM begins to exit: a test can tell shutdown has begun.
        server.setStopAtShutdown(true);
        server.start();
        server.join();
    }

    /** Answers {@code GET /hello}. */
    static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write("hello\n");
        }
    }
}
