package co.interakt.capture.filter.harness;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Lists the application's filter registrations, one {@code name=class} per line, sorted by name. */
public class FiltersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, ? extends FilterRegistration> e : req.getServletContext().getFilterRegistrations().entrySet()) {
            sorted.put(e.getKey(), e.getValue().getClassName());
        }
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, cls) -> out.append(name).append('=').append(cls).append('\n'));
        resp.getWriter().print(out);
    }
}
