package co.interakt.capture.it;

import static co.interakt.capture.it.Shape.FLAT_JSON;
import static co.interakt.capture.it.Shape.FORM;
import static co.interakt.capture.it.Shape.JSON_API;
import static co.interakt.capture.it.Shape.JSON;
import static co.interakt.capture.it.Shape.MULTIPART;
import static co.interakt.capture.it.Shape.MULTIPART_TEXT;
import static co.interakt.capture.it.Shape.MULTIPART_WITH_FILE;
import static co.interakt.capture.it.Shape.NAME;
import static co.interakt.capture.it.Shape.NESTED_JSON;
import static co.interakt.capture.it.Shape.URLENCODED;
import static co.interakt.capture.it.Shape.member;
import static co.interakt.capture.it.Shape.refused;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shapes each kind of app is sent (docs/compatibility.md lists them). */
final class Shapes {
    private static final boolean CHUNKED = true;
    private static final boolean LENGTH = false;

    private Shapes() {
    }

    /** The plain servlets (integration-tests/apps/servlets), on any container. */
    static List<Shape> servlets() {
        return List.of(
                member("jackson-reader-length", "/api/jackson-reader", JSON, FLAT_JSON, LENGTH, 201),
                member("jackson-reader-chunked", "/api/jackson-reader", JSON, FLAT_JSON, CHUNKED, 201),
                member("jackson-stream-length", "/api/jackson-stream", JSON, FLAT_JSON, LENGTH, 201),
                member("jackson-stream-chunked", "/api/jackson-stream", JSON, FLAT_JSON, CHUNKED, 201),
                member("gson-reader-length", "/api/gson", JSON, FLAT_JSON, LENGTH, 201),
                member("gson-reader-chunked", "/api/gson", JSON, FLAT_JSON, CHUNKED, 201),
                member("nested-jackson-reader", "/api/jackson-reader", JSON, NESTED_JSON, LENGTH, 201),
                member("nested-gson-chunked", "/api/gson", JSON, NESTED_JSON, CHUNKED, 201),
                member("jsonapi-jackson-stream", "/api/jackson-stream", "application/vnd.api+json", JSON_API, LENGTH, 201),
                member("form-urlencoded", "/signup", FORM, URLENCODED, LENGTH, 302),
                // Refused by the app (no password): a failed signup is not a member.
                refused("form-incomplete", "form-incomplete@example.com", NAME, "/signup", FORM,
                        (email, name) -> ("email=" + email.replace("@", "%40") + "&name=Ada").getBytes(StandardCharsets.UTF_8), 400));
    }

    /** The Jersey resources of the embedded Tomcat app. */
    static List<Shape> jersey() {
        return List.of(
                member("jersey-pojo-length", "/jersey/signup", JSON, FLAT_JSON, LENGTH, 201),
                member("jersey-pojo-chunked", "/jersey/signup", JSON, FLAT_JSON, CHUNKED, 201),
                member("jersey-formparam", "/jersey/form-signup", FORM, URLENCODED, LENGTH, 201));
    }

    /** The Spring MVC app (integration-tests/apps/spring-signup), on any of Boot's servers. */
    static List<Shape> spring() {
        return List.of(
                member("requestbody-length", "/api/signup", JSON, FLAT_JSON, LENGTH, 201),
                member("requestbody-chunked", "/api/signup", JSON, FLAT_JSON, CHUNKED, 201),
                member("modelattribute-urlencoded", "/signup", FORM, URLENCODED, LENGTH, 302),
                member("modelattribute-multipart", "/signup", MULTIPART, MULTIPART_TEXT, LENGTH, 302),
                member("modelattribute-multipart-file", "/signup", MULTIPART, MULTIPART_WITH_FILE, LENGTH, 302),
                // Post/Redirect/Get: the form rendered again with 200 and the error, never a member.
                refused("rerendered-taken", "taken@example.com", NAME, "/signup", FORM, URLENCODED, 200),
                refused("rerendered-invalid", "rerendered-invalid@example.com", "", "/signup", FORM, URLENCODED, 200),
                refused("rerendered-multipart", "rerendered-multipart@example.com", "", "/signup", MULTIPART, MULTIPART_TEXT, 200));
    }

    static List<Shape> concat(List<Shape> a, List<Shape> b) {
        return ItSetup.concat(a, b);
    }
}
