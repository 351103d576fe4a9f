package co.interakt.capture.it.servlets;

import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which servlet answers which path, for the embedded launchers (the WARs say the same in web.xml). */
public final class SignupRoutes {
    private SignupRoutes() {
    }

    public static Map<String, Class<? extends HttpServlet>> servlets() {
        Map<String, Class<? extends HttpServlet>> routes = new LinkedHashMap<>();
        routes.put("/hello", HelloServlet.class);
        routes.put("/signup", FormSignupServlet.class);
        routes.put("/api/jackson-reader", JacksonReaderSignupServlet.class);
        routes.put("/api/jackson-stream", JacksonStreamSignupServlet.class);
        routes.put("/api/gson", GsonSignupServlet.class);
        return routes;
    }
}
