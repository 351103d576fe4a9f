package co.interakt.capture.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deny-list: field names that are never forwarded, whatever the rule says. Built in, extended by
 * {@code interakt.sensitive-fields} (globs with {@code *}), never disabled.
 *
 * <p>A name is split into words on {@code . [ ] _ -}, spaces and camelCase ({@code user[cardNumber]}
 * is {@code user}, {@code card}, {@code number}), lower-cased, and is sensitive when:
 * <ul>
 *   <li>any word, or the word without trailing digits ({@code pass2}, {@code cvv2}), is a
 *       {@linkplain #WORDS sensitive word}: {@code key} blocks {@code api_key} and {@code apiKey}
 *       but not {@code monkey} or {@code keyword};</li>
 *   <li>a word, two adjacent words joined, a segment or the whole name with separators removed
 *       is a {@linkplain #COMPACT known compound} ({@code cardno}, {@code pincode}, {@code taxid}):
 *       {@code billing_tax_id} and {@code user_taxid} are caught, {@code taxi_driver_id} is not;</li>
 *   <li>the whole name with separators removed contains a {@linkplain #FRAGMENTS distinctive
 *       fragment} ({@code password}, {@code token}, {@code csrf}, {@code creditcard} ...), which
 *       catches {@code csrfmiddlewaretoken}, {@code newpassword}, {@code api.key};</li>
 *   <li>an extra pattern matches the whole dotted name or one of its segments.</li>
 * </ul>
 * Deliberate trade-offs: {@code pin} blocks India's {@code pin_code}/{@code pincode} (a postal
 * code, but also a bank PIN: use {@code postal_code}); {@code secret} blocks {@code secretary};
 * {@code sin} (Canada's social insurance number) blocks a Spanish {@code precio_sin_iva};
 * {@code tax_id_type} is blocked with {@code tax_id}; {@code passport_country} passes,
 * {@code passport_number} does not.
 * Tax <em>status</em> passes ({@code tax_exempt}, {@code tax_country}, {@code vat_registered}), and so
 * do business registration numbers printed on every invoice and looked up in public registers, which
 * a B2B CRM wants: {@code vat_number}, {@code gstin}, {@code cnpj} (add them with
 * {@code interakt.sensitive-fields} if not). A person's tax number does not pass, nor does the US
 * {@code ein} (not published, and a sole proprietor's is tied to one person). Contact channels for
 * account recovery pass ({@code recovery_email}, {@code backup_phone}); the codes, keys and
 * phrases that recover an account, security questions and a maiden name do not. A date of birth
 * passes: a CRM may want a {@code birthday}.
 */
public final class SensitiveFields {

    /** Whole words that make a field sensitive. */
    static final Set<String> WORDS = Set.of(
            // passwords, in a few languages
            "password", "passwd", "pwd", "pw", "pass", "passcode", "passphrase", "passwort",
            "senha", "contrasena", "contraseña", "wachtwoord",
            // secrets and tokens
            "secret", "secrets", "token", "tokens", "csrf", "xsrf", "auth", "oauth", "authorization",
            "authentication", "credential", "credentials", "jwt", "bearer", "signature",
            "session", "sessionid", "sid", "cookie", "cookies", "key", "keys", "apikey", "privatekey",
            // payment cards
            "card", "cards", "cc", "ccn", "ccnum", "cvv", "cvv2", "cvc", "cvc2", "csc", "cvn", "pan",
            // identity and bank
            "ssn", "iban", "bic", "aadhaar", "aadhar",
            // identity and tax numbers: US TIN/ITIN/EIN, UK NINO, Canada SIN, Brazil CPF, Spain
            // NIF/NIE/DNI (Portugal NIF), Poland PESEL, Netherlands BSN; whole words only (single, nine)
            "tin", "itin", "ein", "nino", "sin", "cpf", "nif", "nie", "dni", "pesel", "bsn",
            // one-time codes, and a wallet's recovery words
            "pin", "otp", "mfa", "2fa", "totp", "hotp", "mnemonic");

    /**
     * Compounds, matched exactly against a word, two adjacent words joined, a segment or the whole
     * name, all with separators removed: for words too common to match anywhere ({@code taxid} is
     * also the start of {@code taxidermy} and {@code taxi_driver}).
     */
    static final Set<String> COMPACT = Set.of(
            "cardno", "cardnum", "accountno", "accountnum", "acctno", "acctnum", "routingno",
            "sortcode", "pincode", "passportno", "nationalid", "motdepasse", "taxid", "taxidno", "taxno",
            "nino", "ninumber", "steuernr");

    /** Fragments distinctive enough to match anywhere in the separator-free whole name. */
    static final List<String> FRAGMENTS = List.of(
            "password", "passwd", "passphrase", "passcode", "secret", "token", "csrf", "xsrf",
            "apikey", "privatekey", "creditcard", "cardnumber", "ccnumber", "cardverification", "cvv",
            "accountnumber", "routingnumber", "socialsecurity", "passportnumber", "authorization",
            "authenticity", "sessionid", "sessid", "securitycode", "securityanswer", "verificationcode",
            "aadhaar",
            // tax and national insurance numbers in full (Germany, Italy, Netherlands, Sweden ...)
            "taxidnumber", "taxidentification", "taxnumber", "taxpayerid", "taxpayernumber",
            "nationalinsurance", "socialinsurance", "steuerid", "steuernummer", "codicefiscale",
            "burgerservicenummer", "personnummer",
            // account recovery and second factors
            "backupcode", "recoverycode", "recoveryphrase", "seedphrase", "twofactorcode", "onetimecode",
            "securityquestion", "maidenname");

    private final List<Glob> extras;

    private SensitiveFields(List<Glob> extras) {
        this.extras = extras;
    }

    /** The built-in list only. */
    public static SensitiveFields builtIn() {
        return new SensitiveFields(List.of());
    }

    /** The built-in list plus configured patterns ({@code *} matches any characters). */
    public static SensitiveFields withExtras(List<String> patterns) {
        List<Glob> globs = new ArrayList<>();
        for (String p : patterns) {
            if (p != null && !p.isBlank()) {
                globs.add(Glob.of(p.trim()));
            }
        }
        return new SensitiveFields(List.copyOf(globs));
    }

    /** Whether a raw field name (any style: dotted, bracketed, camelCase ...) must never be forwarded. */
    public boolean isSensitive(String rawName) {
        String dotted = FieldNames.dotted(rawName);
        String lower = dotted.toLowerCase(Locale.ROOT);
        StringBuilder whole = new StringBuilder(dotted.length());
        String previous = "";
        for (String segment : dotted.split("\\.")) {
            StringBuilder compact = new StringBuilder(segment.length());
            for (String word : words(segment)) {
                if (WORDS.contains(word) || WORDS.contains(withoutTrailingDigits(word))) {
                    return true;
                }
                // a compound inside a longer name: billing_tax_id, user_taxid
                if (COMPACT.contains(word) || COMPACT.contains(previous + word)) {
                    return true;
                }
                previous = word;
                compact.append(word);
            }
            if (COMPACT.contains(compact.toString())) {
                return true;
            }
            whole.append(compact);
        }
        String compactWhole = whole.toString();
        if (COMPACT.contains(compactWhole)) {
            return true;
        }
        for (String fragment : FRAGMENTS) {
            if (compactWhole.contains(fragment)) {
                return true;
            }
        }
        return matchesExtra(lower);
    }

    private boolean matchesExtra(String lowerDotted) {
        if (extras.isEmpty()) {
            return false;
        }
        for (Glob glob : extras) {
            if (glob.matches(lowerDotted)) {
                return true;
            }
            for (String segment : lowerDotted.split("\\.")) {
                if (glob.matches(segment)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower-case words of one segment, split on non-alphanumerics and camelCase boundaries. */
    static List<String> words(String segment) {
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= segment.length(); i++) {
            char c = i < segment.length() ? segment.charAt(i) : ' ';
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) {
                    words.add(segment.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
                continue;
            }
            if (start >= 0 && startsCamelWord(segment, i)) {
                words.add(segment.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            } else if (start < 0) {
                start = i;
            }
        }
        return words;
    }

    /**
     * {@code cardNumber}: at N; {@code APIKey}: at K (an acronym ends before the last capital). Not
     * after a digit, so {@code 2FA} stays one word.
     */
    private static boolean startsCamelWord(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        if (Character.isLowerCase(prev)) {
            return true;
        }
        return Character.isUpperCase(prev) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    }

    private static String withoutTrailingDigits(String word) {
        int end = word.length();
        while (end > 0 && Character.isDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
