package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.ContainerUnderTest;
import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.WebApp;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both containers really start and serve from this one test class path, each on the Servlet API
 * it implements: tomcat-embed-core's 6.1 classes come first (see the pom), Jetty ee10 runs on them.
 */
class ContainersStartIT {

    public static class VersionServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            var ctx = req.getServletContext();
            resp.getWriter().print(ctx.getMajorVersion() + "." + ctx.getMinorVersion() + " "
                    + Servlet.class.getProtectionDomain().getCodeSource().getLocation());
        }
    }

    @ParameterizedTest
    @EnumSource(Containers.class)
    void startsAndServesOnTheServletApiItImplements(Containers which) throws Exception {
        try (ContainerUnderTest container = which.create()) {
            URI root = container.start(WebApp.programmatic("/probe", (classes, ctx) ->
                    ctx.addServlet("version", new VersionServlet()).addMapping("/version")));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(root.resolve("/probe/version")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            String[] parts = response.body().split(" ", 2);
            assertEquals(which == Containers.TOMCAT_11 ? "6.1" : "6.0", parts[0]);
            assertTrue(parts[1].contains("tomcat-embed-core"), "jakarta.servlet classes from " + parts[1]);
        }
    }
}
