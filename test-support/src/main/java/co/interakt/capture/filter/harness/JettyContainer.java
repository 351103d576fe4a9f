package co.interakt.capture.filter.harness;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Jetty 12, ee10 (Servlet 6.0). Without the jetty-ee10-annotations module Jetty does not look
 * for initializers in {@code META-INF/services}, so ours is added through Jetty's own API
 * ({@code addServletContainerInitializer}) when a scenario asks for it.
 */
final class JettyContainer implements ContainerUnderTest {
    private Server server;

    @Override
    public String name() {
        return "jetty-12";
    }

    @Override
    public boolean discoversInitializers() {
        return false;
    }

    @Override
    public URI start(WebApp... apps) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (WebApp app : apps) {
            contexts.addHandler(handler(app));
        }
        server.setHandler(contexts);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static ServletContextHandler handler(WebApp app) {
        ServletContextHandler handler;
        if (app.webAppDir() != null) {
            WebAppContext webApp = new WebAppContext();
            webApp.setWar(app.webAppDir().toString());
            webApp.setParentLoaderPriority(true);
            webApp.setThrowUnavailableOnStartupException(true);
            handler = webApp;
        } else {
            handler = new ServletContextHandler();
            handler.addServletContainerInitializer(app.setup());
        }
        handler.setContextPath(app.contextPath());
        app.initializers().forEach(handler::addServletContainerInitializer);
        return handler;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
