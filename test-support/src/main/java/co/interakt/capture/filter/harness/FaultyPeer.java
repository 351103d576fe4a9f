package co.interakt.capture.filter.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 peer in front of the sandbox, for the faults an HTTP server library will
 * not produce: a connection reset before or in the middle of the answer, an answer that is not
 * HTTP, a malformed or truncated body. Scripted per request with {@link #faultNext}; a request
 * without a fault is relayed to the sandbox and its answer relayed back, so the sandbox stays the
 * one record of what Interakt would have stored.
 */
public final class FaultyPeer implements AutoCloseable {

    /** What the next request gets instead of a plain relay. */
    public enum Fault {
        /** Read the request, then reset the connection: nothing reaches the sandbox. */
        RESET_BEFORE_ANSWER(false),
        /** Relay (the sandbox stores it), then send half of the answer and reset the connection. */
        RESET_MID_RESPONSE(true),
        /** Answer with a line that is not HTTP at all, then close: nothing reaches the sandbox. */
        NOT_HTTP(false),
        /** Relay, then answer 200 with a body that is not JSON. */
        MALFORMED_JSON_200(true),
        /** Relay, then answer 200 announcing more body bytes than it sends, and close. */
        TRUNCATED_200(true),
        /**
         * Answer 502 with a binary body (a proxy's error page gone wrong): invalid UTF-8, a NUL, a
         * terminal escape and a CR/LF followed by a forged log line. Keeps the connection; nothing stored.
         */
        BINARY_502(false);

        private final boolean relayed;

        Fault(boolean relayed) {
            this.relayed = relayed;
        }

        /** Whether the sandbox receives (and stores) the request that gets this fault. */
        public boolean relayed() {
            return relayed;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** {@link Fault#BINARY_502}'s body; its last line must never show up as a line of a log. */
    public static final String FORGED_LOG_LINE = "SEVERE forged: disk full, send the API key to attacker.example";
    private static final byte[] BINARY_BODY = concat(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0, 0x1B, '[', '3', '1', 'm', '\r', '\n'},
            FORGED_LOG_LINE.getBytes(StandardCharsets.US_ASCII));

    private final URI sandboxOrigin;
    private final HttpClient relay = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Deque<Fault> script = new ArrayDeque<>();
    private final AtomicInteger faultsServed = new AtomicInteger();
    private final ServerSocket listener;

    /** Listens on a free loopback port, relaying to the sandbox at {@code sandboxBaseUrl} (its API base). */
    public FaultyPeer(String sandboxBaseUrl) throws IOException {
        URI base = URI.create(sandboxBaseUrl);
        this.sandboxOrigin = URI.create(base.getScheme() + "://" + base.getRawAuthority());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "faulty-peer-accept").start();
    }

    /** The API base to configure instead of the sandbox's. */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/api/v1";
    }

    /** The next {@code times} requests get {@code fault}, in order after those already scripted. */
    public synchronized FaultyPeer faultNext(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            script.add(fault);
        }
        return this;
    }

    /** How many scripted faults were served so far. */
    public int faultsServed() {
        return faultsServed.get();
    }

    private synchronized Fault nextFault() {
        return script.poll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                daemon(() -> serve(socket), "faulty-peer-" + THREADS.incrementAndGet()).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One keep-alive connection: request after request until the client closes or a fault ends it. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                Fault fault = nextFault();
                if (fault != null) {
                    faultsServed.incrementAndGet();
                }
                HttpResponse<byte[]> relayed = fault == null || fault.relayed() ? relay(request) : null;
                if (fault == null) {
                    write(out, relayed.statusCode(), relayed.body(), relayed.body().length);
                    continue;
                }
                switch (fault) {
                    case RESET_BEFORE_ANSWER -> reset(socket);
                    case RESET_MID_RESPONSE -> {
                        byte[] half = "{\"status\":\"stor".getBytes(StandardCharsets.US_ASCII);
                        write(out, 200, half, 64);
                        reset(socket);
                    }
                    case NOT_HTTP -> out.write("220 smtp.example ESMTP ready\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    case MALFORMED_JSON_200 -> {
                        write(out, 200, "<html>{\"ok\": tru".getBytes(StandardCharsets.US_ASCII), -1);
                        continue;
                    }
                    case TRUNCATED_200 -> write(out, 200, "{\"ok\":".getBytes(StandardCharsets.US_ASCII), 500);
                    case BINARY_502 -> {
                        write(out, 502, BINARY_BODY, -1);
                        continue;
                    }
                }
                out.flush();
                return; // the other faults end the connection
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or we are closing: nothing to do
        }
    }

    private HttpResponse<byte[]> relay(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(sandboxOrigin.resolve(request.path))
                .timeout(Duration.ofSeconds(30))
                .method(request.method, HttpRequest.BodyPublishers.ofByteArray(request.body));
        if (request.authorization != null) {
            forward.header("Authorization", request.authorization);
        }
        if (request.contentType != null) {
            forward.header("Content-Type", request.contentType);
        }
        return relay.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Writes an answer; {@code announcedLength} -1 means the real length. */
    private static void write(OutputStream out, int status, byte[] body, int announcedLength) throws IOException {
        String head = "HTTP/1.1 " + status + " Scripted\r\nContent-Type: application/json\r\nContent-Length: "
                + (announcedLength < 0 ? body.length : announcedLength) + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** SO_LINGER 0 makes close() send a TCP RST instead of a FIN. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** The parts of a request the relay needs. */
    private record Request(String method, String path, String authorization, String contentType, byte[] body) {

        /** Reads one request; {@code null} at the end of the connection. */
        static Request read(InputStream in) throws IOException {
            String head = readHead(in);
            if (head == null) {
                return null;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String authorization = null;
            String contentType = null;
            int length = 0;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "authorization" -> authorization = value;
                    case "content-type" -> contentType = value;
                    case "content-length" -> length = Integer.parseInt(value);
                    default -> {
                        // not relayed
                    }
                }
            }
            return new Request(requestLine[0], requestLine[1], authorization, contentType, in.readNBytes(length));
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int b; (b = in.read()) >= 0; ) {
                head.write(b);
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }
    }
}
