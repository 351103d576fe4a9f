package co.interakt.capture.payload;

/**
 * A deliberately simple, linear syntax check, no regular expression: one {@code @}, a local part of
 * 1-64 characters without spaces, controls or {@code <>()[],;:\"}, a domain of at least two
 * dot-separated labels of letters, digits, hyphens (not at a label's ends) or non-ASCII letters
 * (internationalised domains), and a last label of two or more characters that is not all digits.
 * Quoted local parts and IP-literal domains, legal but never typed into signup forms, are refused.
 */
final class EmailAddress {
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;

    private EmailAddress() {
    }

    static boolean isValid(String email) {
        if (email == null || email.isEmpty() || email.length() > MAX_LENGTH) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at > MAX_LOCAL || at != email.lastIndexOf('@')) {
            return false;
        }
        return validLocal(email, 0, at) && validDomain(email, at + 1, email.length());
    }

    private static boolean validLocal(String s, int from, int to) {
        char prev = '.';
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)
                    || "<>()[],;:\\\"".indexOf(c) >= 0 || (c == '.' && prev == '.')) {
                return false;
            }
            prev = c;
        }
        return prev != '.';
    }

    private static boolean validDomain(String s, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (!validLabel(s, labelStart, i)) {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && validTopLabel(s, labelStart, i);
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static boolean validLabel(String s, int from, int to) {
        if (to - from < 1 || to - from > MAX_LABEL || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ascii && !(c > 0x7f && Character.isLetterOrDigit(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean validTopLabel(String s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
