package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.WebApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Servlets written the way people write them, with the libraries' defaults: Jackson's
 * {@code ObjectMapper} (which closes the body as soon as the JSON value ends), Gson, a multipart
 * form whose parts are deleted before the servlet returns (as Spring MVC's
 * {@code DispatcherServlet} does), a servlet that answers without reading the body, and one that
 * reads a form parameter. Each answers with a small deterministic body so runs with and without
 * the filter can be compared byte for byte.
 */
final class RealParserApps {
    static final String JACKSON_READER = "/jackson-reader";
    static final String JACKSON_STREAM = "/jackson-stream";
    static final String GSON_READER = "/gson-reader";
    static final String MULTIPART_DELETED = "/multipart-deleted";
    static final String NOT_READ = "/not-read";
    static final String PARAMETER = "/parameter";
    static final String PATHS = String.join(",", JACKSON_READER, JACKSON_STREAM, GSON_READER, MULTIPART_DELETED, NOT_READ, PARAMETER);

    private RealParserApps() {
    }

    /** The application at {@code contextPath}, with our filter and these init-params unless {@code null}. */
    static WebApp app(String contextPath, Map<String, String> filterParams) {
        return WebApp.programmatic(contextPath, (classes, ctx) -> {
            if (filterParams != null) {
                FilterRegistration.Dynamic capture = ctx.addFilter("capture", InteraktCaptureFilter.class);
                capture.setInitParameters(filterParams);
                capture.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
            }
            add(ctx, JACKSON_READER, new JacksonReaderServlet());
            add(ctx, JACKSON_STREAM, new JacksonStreamServlet());
            add(ctx, GSON_READER, new GsonReaderServlet());
            add(ctx, MULTIPART_DELETED, new DeletesItsPartsServlet());
            add(ctx, NOT_READ, new AnswersWithoutReadingServlet());
            add(ctx, PARAMETER, new ParameterServlet());
        });
    }

    private static void add(ServletContext ctx, String path, HttpServlet servlet) {
        var registration = ctx.addServlet(path.substring(1), servlet);
        registration.addMapping(path);
        registration.setMultipartConfig(new MultipartConfigElement(System.getProperty("java.io.tmpdir")));
    }

    /** 201 Created, as an application that created the account answers (a success under success-status=auto). */
    private static void answer(HttpServletResponse resp, String text) throws IOException {
        resp.setStatus(HttpServletResponse.SC_CREATED);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code new ObjectMapper().readTree(req.getReader())}: Jackson closes the reader at the end of the value. */
    static final class JacksonReaderServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            JsonNode json = mapper.readTree(req.getReader());
            answer(resp, "welcome " + json.path("email").asText() + " (" + json.size() + " fields)");
        }
    }

    /** {@code new ObjectMapper().readTree(req.getInputStream())}: Jackson closes the stream at the end of the value. */
    static final class JacksonStreamServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            JsonNode json = mapper.readTree(req.getInputStream());
            answer(resp, "welcome " + json.path("email").asText() + " (" + json.size() + " fields)");
        }
    }

    /** {@code JsonParser.parseReader(req.getReader())}: Gson reads to the end and does not close. */
    static final class GsonReaderServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            JsonObject json = JsonParser.parseReader(req.getReader()).getAsJsonObject();
            answer(resp, "welcome " + json.get("email").getAsString() + " (" + json.size() + " fields)");
        }
    }

    /**
     * Reads the form as Spring MVC does ({@code getParts()}, then parameters), and deletes every part
     * before returning, as {@code StandardServletMultipartResolver.cleanupMultipart} does in
     * {@code DispatcherServlet}'s finally block.
     */
    static final class DeletesItsPartsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, jakarta.servlet.ServletException {
            List<String> names = new ArrayList<>();
            try {
                for (Part part : req.getParts()) {
                    names.add(part.getName() + (part.getSubmittedFileName() == null ? "" : ":" + part.getSubmittedFileName()));
                }
                answer(resp, "welcome " + req.getParameter("email") + " " + names);
            } finally {
                for (Part part : req.getParts()) {
                    part.delete();
                }
            }
        }
    }

    /** Answers 201 without looking at the body (a success for forms and other bodies alike under success-status=auto). */
    static final class AnswersWithoutReadingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(HttpServletResponse.SC_CREATED);
        }
    }

    /** Reads one form parameter; a malformed form makes the container throw. */
    static final class ParameterServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            answer(resp, "welcome " + req.getParameter("email"));
        }
    }
}
