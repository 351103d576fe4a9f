package co.interakt.capture.filter.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signup forms full of secrets: realistic sensitive field names (password variants, tokens,
 * card numbers, CVV, SSN, secrets; snake, camel, kebab, dotted and bracketed styles, nested), each
 * with a distinctive value, posted beside three ordinary fields. Whatever the encoding, a payload
 * may carry only {@code email}, {@code name}, {@code created_at} and the custom field {@code plan};
 * no name or value of the list may appear in a payload or a log line.
 */
public final class SensitiveForms {
    /** Sensitive fields as dotted paths: a dot is a level of nesting (brackets in a form, objects in JSON). */
    public static final List<String> NAMES = List.of(
            // passwords
            "password", "passwd", "pwd", "pass", "Password", "PASSWORD", "user_password", "userPassword", "user.password",
            "password_confirmation", "passwordConfirmation", "confirm_password", "confirm-password", "new_password", "newPassword",
            "current_password", "old_password", "password2", "pass1", "passphrase", "login.pwd", "account.credentials.value",
            "pin", "pin_code", "otp", "otp_code", "mfa_code", "totp", "2fa_code", "verification_code", "security.answer",
            // tokens and sessions
            "token", "access_token", "accessToken", "refresh_token", "id_token", "auth_token", "authToken", "authenticity_token",
            "csrf_token", "_csrf", "csrfmiddlewaretoken", "xsrf-token", "__RequestVerificationToken", "jwt", "bearer",
            "session_id", "sessionId", "JSESSIONID", "oauth.state_token",
            // keys and secrets
            "api_key", "apiKey", "api-key", "x-api-key", "client_secret", "clientSecret", "secret", "secret_key", "private_key",
            "secretAnswer",
            // payment cards
            "card_number", "cardNumber", "cc_number", "ccnum", "credit_card", "creditCardNumber", "card.number",
            "payment.card.number", "payment.card.cvc", "card_cvv", "cvv", "cvv2", "cvc", "csc", "card_expiry", "card_holder",
            "security_code", "securityCode", "billing.cc.exp",
            // identity and bank
            "ssn", "SSN", "social_security_number", "socialSecurityNumber", "national_id", "iban", "account_number",
            "routing_number", "aadhaar", "passport_number", "user.identity.ssn");

    public static final String EMAIL_FIELD = "email";
    public static final Map<String, String> ORDINARY = Map.of("name", "Sec Ure", "plan", "pro");

    private SensitiveForms() {
    }

    /** The value posted for the sensitive field at {@code index}: unique and easy to spot anywhere. */
    public static String valueOf(int index) {
        return "leak-" + index + "-zq7v";
    }

    /** Every sensitive value. */
    public static List<String> values() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            out.add(valueOf(i));
        }
        return out;
    }

    /** {@code user.password} as a browser form names it: {@code user[password]}. */
    static String bracketed(String dotted) {
        String[] parts = dotted.split("\\.");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append('[').append(parts[i]).append(']');
        }
        return out.toString();
    }

    /** An urlencoded body: the ordinary fields, then every sensitive one (nested names bracketed). */
    public static String urlencoded(String email) {
        StringBuilder form = new StringBuilder(EMAIL_FIELD + "=" + encode(email));
        ORDINARY.forEach((k, v) -> form.append('&').append(k).append('=').append(encode(v)));
        for (int i = 0; i < NAMES.size(); i++) {
            form.append('&').append(encode(bracketed(NAMES.get(i)))).append('=').append(encode(valueOf(i)));
        }
        return form.toString();
    }

    /** A JSON body: nested paths become nested objects, and a card list shows arrays of objects too. */
    public static String json(String email) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(EMAIL_FIELD, email);
        root.putAll(ORDINARY);
        for (int i = 0; i < NAMES.size(); i++) {
            put(root, NAMES.get(i).split("\\."), valueOf(i));
        }
        StringBuilder json = new StringBuilder();
        write(root, json);
        // an array of objects (two saved cards), reusing the card values so no new marker is needed
        json.setLength(json.length() - 1);
        json.append(",\"cards\":[{\"number\":\"").append(valueOf(NAMES.indexOf("card_number"))).append("\"},{\"cvc\":\"")
                .append(valueOf(NAMES.indexOf("cvc"))).append("\"}]}");
        return json.toString();
    }

    /** Multipart forms carry the names in this many slices: Tomcat refuses more than 50 parts a request by default. */
    public static final int MULTIPART_SLICES = 3;

    /**
     * A multipart body with one slice of the names ({@code index % MULTIPART_SLICES == slice}) as
     * text parts under their dotted names, plus a scan of an ID document as a file.
     */
    public static Multipart multipart(String email, int slice) {
        Multipart form = new Multipart().field(EMAIL_FIELD, email);
        ORDINARY.forEach(form::field);
        for (int i = slice; i < NAMES.size(); i += MULTIPART_SLICES) {
            form.field(NAMES.get(i), valueOf(i));
        }
        return form.file("passport_scan", "passport.png", "image/png", valueOf(NAMES.indexOf("passport_number")).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What of the list shows up in {@code text} (a payload or a log): any value, and any name, dotted
     * or bracketed, as a whole word (so {@code pass} is not found in {@code passed}). Nested names'
     * last segments are names of the list themselves where they are sensitive alone ({@code password}).
     * The setting names {@code interakt.api-key} / {@code INTERAKT_API_KEY} are not field names.
     */
    public static List<String> leaksIn(String text) {
        List<String> leaks = new ArrayList<>();
        // Our own setting names, which an operator's message (refused credentials) names on purpose.
        String lower = text.toLowerCase(Locale.ROOT).replace("interakt.api-key", "").replace("interakt_api_key", "");
        for (int i = 0; i < NAMES.size(); i++) {
            if (text.contains(valueOf(i))) {
                leaks.add("value of " + NAMES.get(i));
            }
            String name = NAMES.get(i).toLowerCase(Locale.ROOT);
            for (String candidate : List.of(name, bracketed(name))) {
                if (containsWord(lower, candidate)) {
                    leaks.add("name " + candidate);
                }
            }
        }
        return leaks;
    }

    private static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + word.length();
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> node, String[] path, String value) {
        Map<String, Object> at = node;
        for (int i = 0; i < path.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        at.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                out.append(first ? "" : ",").append('"').append(e.getKey()).append("\":");
                write(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else {
            out.append('"').append(value).append('"');
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
