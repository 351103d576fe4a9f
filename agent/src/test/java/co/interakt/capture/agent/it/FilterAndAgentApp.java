package co.interakt.capture.agent.it;

import co.interakt.capture.filter.InteraktCaptureFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/**
 * An app that registers the Interakt filter itself (its own, un-relocated copy of our filter, core,
 * Jackson and HttpClient on the class path), run by {@link FilterAndAgentIT} with the agent too.
 */
public final class FilterAndAgentApp {
    private FilterAndAgentApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(Integer.getInteger("port"));
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder filter = new FilterHolder(InteraktCaptureFilter.class);
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(Signup.class, "/signup");
        context.addServlet(Signup.class, "/hello");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        server.join();
    }

    /** Answers 201 to a POST (after reading the form), 200 to a GET. */
    public static class Signup extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write("hello\n");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(201);
            response.getWriter().write("welcome " + request.getParameter("name") + "\n");
        }
    }
}
