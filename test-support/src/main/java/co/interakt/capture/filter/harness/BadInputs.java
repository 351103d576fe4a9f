package co.interakt.capture.filter.harness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The bad-input matrix: requests a signup endpoint meets in the wild, each with how the
 * application reads it ({@link EchoServlet}'s {@code X-Read}) and what the capture must make of it:
 * one member with a given email, or a skip with a given reason (never an exception, never a
 * payload Interakt would refuse). Shared by the filter's container ITs and the agent's.
 *
 * <p>The application reads each body so that it handles it fine itself: the matrix is about the
 * capture, so a run without capture must be clean, and a run with capture must be identical.
 */
public final class BadInputs {
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";
    public static final int TEN_MIB = 10 << 20;

    private BadInputs() {
    }

    /**
     * One request and what capture must make of it.
     *
     * @param name          what it tries, for reports
     * @param contentType   the request's content type, {@code null} for none
     * @param body          the request body
     * @param read          how the application reads it ({@code X-Read})
     * @param capturedEmail the email of the one member it must produce, or {@code null}
     * @param skipReason    the reason the capture must skip it with, or {@code null}
     */
    public record BadInput(String name, String contentType, byte[] body, String read, String capturedEmail, String skipReason) {

        static BadInput captured(String name, String contentType, byte[] body, String read, String email) {
            return new BadInput(name, contentType, body, read, email, null);
        }

        static BadInput skipped(String name, String contentType, byte[] body, String read, String reason) {
            return new BadInput(name, contentType, body, read, null, reason);
        }

        /** What the capture does with it, for reports: {@code member x@y} or {@code skipped: reason}. */
        public String outcome() {
            return capturedEmail != null ? "member " + capturedEmail : "skipped: " + skipReason;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case; bodies are built fresh (some are 10 MiB). */
    public static List<BadInput> all() {
        Multipart multipart = new Multipart().field("email", "cut-multipart@example.com").field("name", "Cut");
        byte[] complete = multipart.bytes();
        String boundary = multipart.contentType().substring(multipart.contentType().indexOf("boundary=") + "boundary=".length());
        byte[] withoutClosingBoundary = Arrays.copyOf(complete, complete.length - ("--" + boundary + "--\r\n").length());
        Multipart bigFile = new Multipart().field("email", "big-file@example.com").field("name", "Big File")
                .file("video", "holiday.mp4", "video/mp4", filled(TEN_MIB, (byte) 'v'));

        return List.of(
                BadInput.skipped("malformed JSON", JSON, utf8("{\"email\":\"malformed@example.com\",\"name\": }"), "stream", "malformed-json"),
                BadInput.skipped("JSON truncated", JSON, utf8("{\"email\":\"truncated@example.com\",\"name\":\"Trun"), "reader", "malformed-json"),
                BadInput.skipped("JSON top level is an array", JSON, utf8("[{\"email\":\"array@example.com\"}]"), "stream", "malformed-json"),
                BadInput.skipped("form truncated inside a %-escape", FORM, utf8("email=cut%40example.com&name=Cu%C"), "stream", "bad-percent-encoding"),
                BadInput.skipped("multipart truncated (no closing boundary)", new Multipart().contentType(), withoutClosingBoundary, "stream",
                        "malformed-multipart"),
                BadInput.skipped("multipart with another boundary than declared", "multipart/form-data; boundary=not-the-one", complete, "stream",
                        "malformed-multipart"),
                BadInput.skipped("10 MiB form", FORM, concat(utf8("email=huge%40example.com&notes="), filled(TEN_MIB, (byte) 'x')), "stream",
                        "body-too-large"),
                BadInput.skipped("10 MiB JSON", JSON, concat(utf8("{\"email\":\"huge-json@example.com\",\"notes\":\""), filled(TEN_MIB, (byte) 'x'),
                        utf8("\"}")), "reader", "body-too-large"),
                // Not 10 MiB: containers drain only so much of a body the application left unread, then close the connection.
                // Its Content-Length is over the cap: skipped as too large without reading a byte of it.
                BadInput.skipped("200 KiB form the application never reads", FORM, concat(utf8("email=unread%40example.com&notes="),
                        filled(200 << 10, (byte) 'x')), "none", "body-too-large"),
                BadInput.captured("multipart with a 10 MiB file, read with getParts", multipart(bigFile), bigFile.bytes(), "parts",
                        "big-file@example.com"),
                BadInput.skipped("multipart with a 10 MiB file, read as a stream", multipart(bigFile), bigFile.bytes(), "stream",
                        "body-too-large"),
                BadInput.skipped("invalid UTF-8 bytes in JSON", JSON + "; charset=UTF-8",
                        concat(utf8("{\"email\":\"bad-utf8@example.com\",\"name\":\""), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, utf8("\"}")),
                        "stream", "invalid-encoding"),
                BadInput.skipped("invalid UTF-8 percent-encoded in a form", FORM, utf8("email=bad-utf8-form%40example.com&name=%C3%28%FF"), "stream",
                        "invalid-encoding"),
                BadInput.skipped("unknown charset", FORM + "; charset=x-no-such-charset", utf8("email=charset%40example.com"), "stream",
                        "unsupported-charset"),
                BadInput.skipped("JSON sent as text/plain", "text/plain", utf8("{\"email\":\"plain@example.com\"}"), "stream",
                        "unsupported-content-type"),
                BadInput.skipped("form sent as application/json", JSON, utf8("email=wrong-type%40example.com&name=W"), "stream", "malformed-json"),
                BadInput.skipped("no content type", null, utf8("email=no-type%40example.com&name=N"), "stream", "unsupported-content-type"),
                BadInput.captured("duplicate parameters (first wins, as getParameter)", FORM,
                        utf8("email=first%40example.com&email=second%40example.com&name=A&name=B"), "params", "first@example.com"),
                BadInput.captured("duplicate JSON keys", JSON, utf8("{\"email\":\"dup-a@example.com\",\"email\":\"dup-b@example.com\"}"), "stream",
                        "dup-a@example.com"),
                BadInput.skipped("missing email", FORM, utf8("name=No+Email&plan=pro"), "params", "missing-email"),
                BadInput.skipped("blank email", FORM, utf8("email=+++&name=Blank"), "params", "missing-email"),
                BadInput.skipped("invalid email", FORM, utf8("email=not-an-email&name=Invalid"), "params", "invalid-email"),
                BadInput.skipped("two @ in the email", FORM, utf8("email=a%40b%40example.com"), "params", "invalid-email"),
                BadInput.skipped("null email", JSON, utf8("{\"email\":null,\"name\":\"Null\"}"), "stream", "missing-email"),
                BadInput.captured("null values", JSON, utf8("{\"email\":\"nulls@example.com\",\"name\":null,\"city\":null,\"plan\":null,"
                        + "\"tags\":[null,\"a\"],\"address\":{\"street\":null}}"), "reader", "nulls@example.com"),
                BadInput.skipped("JSON nested 1,000 objects deep", JSON, deepJson(1_000, "{\"a\":", "}"), "stream", "json-too-deep"),
                BadInput.skipped("JSON nested 1,000 arrays deep", JSON, deepJson(1_000, "[", "]"), "stream", "json-too-deep"),
                BadInput.captured("very long field names and values", FORM, utf8("email=long%40example.com&name=" + "N".repeat(20_000)
                        + "&" + "f".repeat(20_000) + "=" + "v".repeat(20_000)), "params", "long@example.com"),
                BadInput.captured("10,000 fields", FORM, utf8("email=many%40example.com" + "&f=1".repeat(10_000)), "stream", "many@example.com"),
                BadInput.skipped("CR/LF header injection in the email", FORM,
                        utf8("email=crlf%40example.com%0D%0ABcc%3A+victim%40example.com&name=X"), "params", "invalid-email"),
                BadInput.captured("CR/LF header injection in name and fields", FORM, utf8("email=inject%40example.com&name=Eve%0D%0AX-Injected%3A+1"
                        + "&city=Oslo%0D%0A%0D%0APOST+%2Fapi%2Fv1%2Fmembers+HTTP%2F1.1%0D%0AX-Injected%3A+2"), "params", "inject@example.com"),
                BadInput.captured("Unicode name", FORM, utf8("email=unicode%40example.com&name=" + java.net.URLEncoder.encode(
                        "Zoë Ωmega 李小龍 محمد 😀", StandardCharsets.UTF_8)), "params", "unicode@example.com"),
                BadInput.captured("Unicode email (internationalised domain)", JSON + "; charset=UTF-8",
                        utf8("{\"email\":\"zoë@bücher.example\",\"name\":\"Zoë\"}"), "reader", "zoë@bücher.example"),
                BadInput.captured("JSON with a byte-order mark", JSON, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8("{\"email\":\"bom@example.com\"}")), "stream", "bom@example.com"));
    }

    private static String multipart(Multipart form) {
        return form.contentType();
    }

    private static byte[] deepJson(int depth, String open, String close) {
        StringBuilder json = new StringBuilder("{\"email\":\"deep@example.com\",\"a\":");
        json.append(open.repeat(depth - 1)).append("\"leaf\"").append(close.repeat(depth - 1)).append('}');
        return utf8(json.toString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int size, byte b) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, b);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
