package co.interakt.capture.benchmarks;

import java.nio.charset.StandardCharsets;

/** The signup the benchmarks post: a 1 KiB urlencoded form, as a browser sends it, with a password and a CSRF token. */
public final class SignupForm {
    static final String PATH = "/signup";
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    static final String EMAIL = "jane.doe@example.com";
    static final int SIZE = 1024;
    /** The exact bytes (never modified: requests share the array). */
    static final byte[] BODY = body();

    private SignupForm() {
    }

    /** Writes the form to standard output: the load runs post the same bytes as the JMH runs. */
    public static void main(String[] args) throws java.io.IOException {
        System.out.write(BODY);
        System.out.flush();
    }

    private static byte[] body() {
        StringBuilder form = new StringBuilder()
                .append("email=jane.doe%40example.com")
                .append("&first_name=Jane&last_name=Doe")
                .append("&phone=%2B1+555+0100&city=Springfield&country=US")
                .append("&plan=pro&company=Example+Corp&referral=newsletter")
                .append("&password=correct+horse+battery+staple")
                .append("&csrf_token=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .append("&message=");
        String words = "Looking+forward+to+trying+the+product%2C+thanks%21+";
        while (form.length() < SIZE) {
            form.append(words);
        }
        form.setLength(SIZE);
        // Never end in the middle of a %XX escape.
        while (form.charAt(form.length() - 1) == '%' || form.charAt(form.length() - 2) == '%') {
            form.setCharAt(form.length() - 1, 'x');
            if (form.charAt(form.length() - 2) == '%') {
                form.setCharAt(form.length() - 2, 'x');
            }
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
