package co.interakt.capture.benchmarks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the application behind the filter does, as a filter chain's last link: the same work
 * with and without the filter, so the difference between the two is the filter's.
 */
public final class Apps {
    private Apps() {
    }

    /** {@code GET /hello}: a small text answer. */
    static final FilterChain HELLO = (request, response) -> {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Hello from the signup example.\n");
    };

    /** How the signup application reads the form; the filter has to record the body accordingly. */
    public enum SignupReads {
        /** {@code getParameter}: the container parses the form (a classic servlet, Spring MVC @RequestParam). */
        PARAMETERS((request, response) -> {
            request.setCharacterEncoding("UTF-8");
            String email = request.getParameter("email");
            String name = request.getParameter("first_name");
            if (email == null || request.getParameter("password") == null) {
                ((HttpServletResponse) response).setStatus(400);
                return;
            }
            created((HttpServletResponse) response, name == null ? email : name);
        }),
        /** The raw body through {@code getInputStream} (a framework binding the body itself). */
        STREAM((request, response) -> {
            byte[] body = request.getInputStream().readAllBytes();
            created((HttpServletResponse) response, body.length + " bytes");
        }),
        /** Not at all (answers from the session or a header): the filter reads the body after the answer. */
        UNREAD((request, response) -> created((HttpServletResponse) response, ((HttpServletRequest) request).getMethod()));

        final FilterChain chain;

        SignupReads(FilterChain chain) {
            this.chain = chain;
        }
    }

    private static void created(HttpServletResponse response, String who) throws java.io.IOException {
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Welcome, " + who + "!\n");
    }
}
