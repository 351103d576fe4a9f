package co.interakt.capture.examples.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.VersionInfo;

/**
 * {@code GET /libraries}: calls this app's own {@code /hello} with the app's HttpClient 5 and
 * answers in JSON written by the app's Jackson, naming both versions. Shows that the agent's
 * (relocated) copies of these libraries leave the app's own alone.
 */
public class LibrariesServlet extends HttpServlet {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String hello;
        String self = "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/hello";
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            hello = client.execute(new HttpGet(self), answer -> EntityUtils.toString(answer.getEntity()));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        body.put("httpclient5", httpClientVersion());
        body.put("hello", hello);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), body);
    }

    private static String httpClientVersion() {
        VersionInfo info = VersionInfo.loadVersionInfo("org.apache.hc.client5", HttpClients.class.getClassLoader());
        return info == null ? "unknown" : info.getRelease();
    }
}
