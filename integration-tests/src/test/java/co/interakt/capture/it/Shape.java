package co.interakt.capture.it;

import java.nio.charset.StandardCharsets;

/**
 * One way a signup reaches an app (framework binding, content type, Content-Length or chunked),
 * and what must reach Interakt for it: exactly one member with these attributes, or nothing.
 *
 * @param id       short and unique within a test class
 * @param email    the email the signup carries (for an accepted one, {@code <id>@example.com})
 * @param request  what the test sends
 * @param forwarded {@code true} when the signup must arrive as a member, {@code false} when the app
 *                 refused it (e.g. re-rendered the form with 200) and it must not
 * @param status   what the app answers without capture (checked: else the shape proves nothing)
 */
record Shape(String id, String email, Request request, boolean forwarded, int status) {
    static final String PASSWORD = "s3cret-Pa55word";
    static final String NAME = "Ada Lovelace";
    static final String CITY = "London";
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String BOUNDARY = "----it-boundary-7MA4YWxkTrZu0gW";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    /** A request: {@code body} {@code null} for none; {@code chunked} sends it without a Content-Length. */
    record Request(String method, String path, String contentType, byte[] body, boolean chunked) {
        @Override
        public String toString() {
            return method + " " + path + (chunked ? " (chunked)" : "");
        }
    }

    /** A signup the app accepts, answering {@code status}. */
    static Shape member(String id, String path, String contentType, Body body, boolean chunked, int status) {
        String email = id + "@example.com";
        return new Shape(id, email, new Request("POST", path, contentType, body.bytes(email, NAME), chunked), true, status);
    }

    /** A signup the app refuses, answering {@code status}; {@code email} may be one it already knows. */
    static Shape refused(String id, String email, String name, String path, String contentType, Body body, int status) {
        return new Shape(id, email, new Request("POST", path, contentType, body.bytes(email, name), false), false, status);
    }

    /** How a shape's body is written, from the email and name it carries. */
    @FunctionalInterface
    interface Body {
        byte[] bytes(String email, String name);
    }

    static final Body FLAT_JSON = (email, name) -> utf8("{\"email\":\"" + email + "\",\"name\":\"" + name
            + "\",\"city\":\"" + CITY + "\",\"password\":\"" + PASSWORD + "\"}");

    /** No alias configured for it: found by its leaf names (account.email, ...); the password nested too. */
    static final Body NESTED_JSON = (email, name) -> utf8("{\"account\":{\"email\":\"" + email + "\",\"name\":\"" + name
            + "\",\"city\":\"" + CITY + "\",\"password\":\"" + PASSWORD + "\"},\"plan\":\"pro\"}");

    /** JSON:API: {@code data.attributes.email}, likewise with no alias configured. */
    static final Body JSON_API = (email, name) -> utf8("{\"data\":{\"type\":\"users\",\"attributes\":{\"email\":\"" + email
            + "\",\"name\":\"" + name + "\",\"city\":\"" + CITY + "\",\"password\":\"" + PASSWORD + "\"}}}");

    static final Body URLENCODED = (email, name) -> utf8("email=" + email.replace("@", "%40") + "&name="
            + name.replace(' ', '+') + "&city=" + CITY + "&password=" + PASSWORD);

    static final Body MULTIPART_TEXT = (email, name) -> multipart(email, name, false);
    static final Body MULTIPART_WITH_FILE = (email, name) -> multipart(email, name, true);

    private static byte[] multipart(String email, String name, boolean withFile) {
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] {{"email", email}, {"name", name}, {"city", CITY}, {"password", PASSWORD}}) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
                    .append(field[1]).append("\r\n");
        }
        if (withFile) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"avatar\"; filename=\"avatar.png\"\r\n")
                    .append("Content-Type: image/png\r\n\r\n")
                    .append("\u0089PNG\r\n\u001a\n-not-really-a-picture-".repeat(40)).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
