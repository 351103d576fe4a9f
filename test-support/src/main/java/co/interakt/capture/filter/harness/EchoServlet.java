package co.interakt.capture.filter.harness;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The application under test: reads the body the way header {@code X-Read} says (blocking, or
 * {@code nonblocking} through a {@code ReadListener} in async mode), answers with the
 * status in {@code X-Status} (default {@link #defaultStatus}: 201 Created to a POST, as an app
 * that created the account answers, 200 otherwise), or throws when {@code X-Fail: exception}. The response
 * body is exactly what it read, so a client can compare runs with and without the filter.
 * Headers steer it so the query string and the body stay the signup data only.
 */
public class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if ("nonblocking".equals(req.getHeader("X-Read"))) {
            readWithoutBlocking(req, resp);
            return;
        }
        byte[] read = read(req);
        if ("exception".equals(req.getHeader("X-Fail"))) {
            throw new ServletException("the application failed");
        }
        String status = req.getHeader("X-Status");
        resp.setStatus(status == null ? defaultStatus(req) : Integer.parseInt(status));
        resp.setContentType("application/octet-stream");
        resp.setHeader("X-Read-Length", Integer.toString(read.length));
        // No Content-Length: the answer stays buffered until the filter chain returns, so a client
        // that has the response knows the capture decision was made.
        resp.getOutputStream().write(read);
    }

    /**
     * 201 to a POST: a success under the default {@code success-status=auto} for a form as for
     * JSON (a form answered with 200 is how server-rendered apps reject it); 200 to anything else.
     */
    static int defaultStatus(HttpServletRequest req) {
        return "POST".equals(req.getMethod()) ? 201 : 200;
    }

    /** Servlet 3.1 non-blocking IO: a ReadListener reads as data arrives, the answer goes out when all is read. */
    private static void readWithoutBlocking(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AsyncContext async = req.startAsync();
        ServletInputStream in = req.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                byte[] buf = new byte[512];
                while (in.isReady()) {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    read.write(buf, 0, n);
                }
            }

            @Override
            public void onAllDataRead() throws IOException {
                String status = req.getHeader("X-Status");
                resp.setStatus(status == null ? defaultStatus(req) : Integer.parseInt(status));
                resp.setContentType("application/octet-stream");
                resp.setHeader("X-Read-Length", Integer.toString(read.size()));
                resp.getOutputStream().write(read.toByteArray());
                async.complete();
            }

            @Override
            public void onError(Throwable t) {
                resp.setStatus(500);
                async.complete();
            }
        });
    }

    static byte[] read(HttpServletRequest req) throws IOException, ServletException {
        String how = req.getHeader("X-Read");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (how == null ? "params" : how) {
            case "params" -> {
                for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
                    out.writeBytes((e.getKey() + "=" + String.join(",", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            case "stream" -> {
                InputStream in = req.getInputStream();
                byte[] buf = new byte[1000];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                }
            }
            case "stream-single" -> {
                InputStream in = req.getInputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    out.write(b);
                }
            }
            case "stream-all" -> out.writeBytes(req.getInputStream().readAllBytes());
            case "stream-partial" -> out.writeBytes(req.getInputStream().readNBytes(10));
            case "reader" -> {
                BufferedReader reader = req.getReader();
                char[] buf = new char[1000];
                StringBuilder text = new StringBuilder();
                for (int n; (n = reader.read(buf)) >= 0; ) {
                    text.append(buf, 0, n);
                }
                out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            case "reader-lines" -> {
                BufferedReader reader = req.getReader();
                for (String line; (line = reader.readLine()) != null; ) {
                    out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            case "parts" -> {
                for (Part part : req.getParts()) {
                    byte[] content;
                    try (InputStream in = part.getInputStream()) {
                        content = in.readAllBytes();
                    }
                    String line = part.getName() + "|" + part.getSubmittedFileName() + "|" + content.length + "|" + sha256(content) + "\n";
                    out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            case "none" -> {
                // answers without looking at the body
            }
            default -> throw new ServletException("unknown X-Read " + how);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
