package co.interakt.capture.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key with its default and meaning: the one place the loader reads defaults
 * from, and the list a test holds the README's configuration table against.
 */
public final class ConfigKeys {

    public static final String PREFIX = "interakt.";
    public static final String RULE_PREFIX = "interakt.rule.";
    /** The rule that exists when {@code interakt.rules} is not set, with built-in paths. */
    public static final String DEFAULT_RULE = "signup";
    public static final String DEFAULT_RULE_PATHS =
            "/signup,/sign-up,/register,/registration,/users/sign_up,/api/signup,/api/register";

    // General
    public static final ConfigKey ENABLED = key("interakt.enabled", "true",
            "Master switch: false captures nothing (the configuration is still validated).");
    public static final ConfigKey CONFIG_FILE = key("interakt.config-file", null,
            "Properties file to read (UTF-8); a named file that does not exist stops start-up.");
    public static final ConfigKey APP_ID = key("interakt.app-id", null,
            "Interakt app id (Basic-auth user).");
    public static final ConfigKey API_KEY = secret("interakt.api-key",
            "Interakt API key (Basic-auth password); never logged.");
    public static final ConfigKey BASE_URL = key("interakt.base-url", DeliverySettings.DEFAULT_BASE_URL.toString(),
            "Interakt API base; https, or http only on localhost / 127.x / ::1.");
    public static final ConfigKey DRY_RUN = documented("interakt.dry-run", null,
            "true when app-id or api-key is missing, else false",
            "Log payloads instead of sending them; false requires app-id and api-key.");
    public static final ConfigKey MAX_BODY_BYTES = bounded("interakt.max-body-bytes", "65536",
            "Bodies larger than this are not parsed; bytes, or with KiB / MiB",
            // Bodies are buffered per request: keep the cap well inside a request thread's fair share of heap.
            Limits.size(1, 16 * 1024 * 1024));
    public static final ConfigKey MAX_VALUE_LENGTH = bounded("interakt.max-value-length", "1024",
            "Longer values are cut to this many characters", Limits.count(1024 * 1024));
    public static final ConfigKey SENSITIVE_FIELDS = documented("interakt.sensitive-fields", "", "(empty)",
            "Extra field-name patterns never forwarded, added to the built-in deny-list (which cannot be turned off).");
    public static final ConfigKey RULES = key("interakt.rules", DEFAULT_RULE,
            "Names of the capture rules, tried in order (letters, digits, - and _).");
    public static final ConfigKey TRACE = key("interakt.trace", "false",
            "Log one INFO line per matched request (rule, status, decision, field names, never values): for setting up.");
    /** Read by the filter's initializer itself, before any configuration is loaded; known here so no source rejects it. */
    public static final ConfigKey FILTER_AUTO_REGISTER = key("interakt.filter.auto-register", "true",
            "Filter jar only: register the filter by itself in each web application (context-param, system property or environment); false = only where declared.");

    // Per rule
    public static final ConfigKey RULE_PATHS = documented("interakt.rule.<name>.paths", null,
            "for `signup`: `" + DEFAULT_RULE_PATHS + "`; other rules: required",
            "Path patterns within the app: exact, `*` = one segment, `**` = any number of segments.");
    public static final ConfigKey RULE_METHODS = key("interakt.rule.<name>.methods", "POST",
            "HTTP methods captured.");
    public static final ConfigKey RULE_TARGET = key("interakt.rule.<name>.target", "members",
            "Interakt endpoint: members or leads.");
    public static final ConfigKey RULE_EMAIL_FIELDS = key("interakt.rule.<name>.email-fields",
            "email,e-mail,email_address,emailAddress,user_email,mail,user[email],user.email",
            "Field names holding the email, first match wins (case-insensitive).");
    public static final ConfigKey RULE_NAME_FIELDS = key("interakt.rule.<name>.name-fields",
            "name,full_name,fullName,user[name],user.name,user.fullName",
            "Field names holding the full name.");
    public static final ConfigKey RULE_FIRST_NAME_FIELDS = key("interakt.rule.<name>.first-name-fields",
            "first_name,firstName,fname,given_name,user[first_name],user.first_name,user.firstName",
            "Field names holding the first name (name = first + last when no full name).");
    public static final ConfigKey RULE_LAST_NAME_FIELDS = key("interakt.rule.<name>.last-name-fields",
            "last_name,lastName,lname,surname,family_name,user[last_name],user.last_name,user.lastName",
            "Field names holding the last name.");
    public static final ConfigKey RULE_PHONE_FIELDS = key("interakt.rule.<name>.phone-fields",
            "phone,phone_number,phoneNumber,mobile,mobile_number,telephone,tel,user[phone],user.phone",
            "Field names holding the phone number.");
    public static final ConfigKey RULE_CITY_FIELDS = key("interakt.rule.<name>.city-fields",
            "city,town,user[city],user.city,address[city],address.city",
            "Field names holding the city.");
    public static final ConfigKey RULE_COUNTRY_FIELDS = key("interakt.rule.<name>.country-fields",
            "country,country_code,countryCode,user[country],user.country,address[country],address.country",
            "Field names holding the country.");
    public static final ConfigKey RULE_CUSTOM_FIELDS = key("interakt.rule.<name>.custom-fields", "*",
            "Other fields sent as custom_fields: `*` = every non-sensitive one, or a list (allow-list; empty = none).");
    public static final ConfigKey RULE_EXCLUDE_FIELDS = documented("interakt.rule.<name>.exclude-fields", "",
            "(empty)", "Extra field names never forwarded.");
    public static final ConfigKey RULE_SUCCESS_STATUS = key("interakt.rule.<name>.success-status", "auto",
            "Response statuses that count as a signup: `auto` = a form post on 201 or 3xx (Post/Redirect/Get), "
                    + "a JSON or other post on 2xx; or classes, codes or ranges, e.g. 200-299,302.");
    public static final ConfigKey RULE_ENRICH = documented("interakt.rule.<name>.enrich", "", "(empty)",
            "Request context added to custom_fields: any of `client-ip`, `user-agent`, `referrer`, `utm`, `page-url`.");
    public static final ConfigKey RULE_TRUSTED_PROXY_HEADER = key("interakt.rule.<name>.trusted-proxy-header",
            "none", "Header holding the client IP behind a proxy you trust, e.g. `X-Forwarded-For`; `none` = socket peer.");

    // Delivery
    public static final ConfigKey QUEUE_CAPACITY = bounded("interakt.queue-capacity", "10000",
            "Bound of the in-memory send queue; when full the newest payload is dropped", Limits.count(1_000_000));
    public static final ConfigKey RETRY_MAX_ATTEMPTS = bounded("interakt.retry.max-attempts", "12",
            "Attempts per payload, the first included", Limits.count(100));
    public static final ConfigKey RETRY_INITIAL_BACKOFF = key("interakt.retry.initial-backoff", "500ms",
            "First retry delay, doubled per attempt with jitter.");
    public static final ConfigKey RETRY_MAX_BACKOFF = key("interakt.retry.max-backoff", "30s",
            "Cap of the retry delay and of an honoured Retry-After; not below the initial backoff.");
    public static final ConfigKey TIMEOUT_CONNECT = key("interakt.timeout.connect", "2s",
            "TCP connect timeout.");
    public static final ConfigKey TIMEOUT_RESPONSE = key("interakt.timeout.response", "5s",
            "Wait for the response once the request is sent.");
    public static final ConfigKey TIMEOUT_TOTAL = key("interakt.timeout.total", "10s",
            "Cap on one attempt, connect to last byte.");
    public static final ConfigKey SHUTDOWN_GRACE = key("interakt.shutdown-grace", "5s",
            "How long shutdown keeps delivering what is queued (0 = not at all).");
    public static final ConfigKey TRUSTSTORE_PATH = key("interakt.truststore.path", null,
            "Trust store (PKCS12 or JKS) for a private CA; unset = the JDK's.");
    public static final ConfigKey TRUSTSTORE_PASSWORD = secret("interakt.truststore.password",
            "Its password; never logged.");

    // Durable spool
    public static final ConfigKey SPOOL_DIR = key("interakt.spool.dir", null,
            "Directory of the on-disk spool that keeps payloads until Interakt accepts them, across restarts; "
                    + "unset = memory only. One JVM per directory.");
    public static final ConfigKey SPOOL_MAX_BYTES = bounded("interakt.spool.max-bytes", "256MiB",
            "Bound of the spool's files; when full the newest payload is dropped",
            // Below 64KiB the spool could hold a few hundred signups at most: almost certainly a unit slip (256 for 256MiB).
            Limits.size(64 * 1024, 1024 * 1024 * 1024));
    public static final ConfigKey SPOOL_FSYNC = key("interakt.spool.fsync", "batch",
            "When appends are forced to disk: `always` (before submit returns), `batch` (every fsync-interval) "
                    + "or `os` (left to the OS).");
    public static final ConfigKey SPOOL_FSYNC_INTERVAL = key("interakt.spool.fsync-interval", "1s",
            "Period of the `batch` fsync: the most a power loss can take.");

    /** Keys that exist once. */
    public static final List<ConfigKey> GLOBAL = List.of(
            ENABLED, CONFIG_FILE, APP_ID, API_KEY, BASE_URL, DRY_RUN, MAX_BODY_BYTES, MAX_VALUE_LENGTH,
            SENSITIVE_FIELDS, RULES, TRACE, FILTER_AUTO_REGISTER,
            QUEUE_CAPACITY, RETRY_MAX_ATTEMPTS, RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF,
            TIMEOUT_CONNECT, TIMEOUT_RESPONSE, TIMEOUT_TOTAL, SHUTDOWN_GRACE, TRUSTSTORE_PATH, TRUSTSTORE_PASSWORD,
            SPOOL_DIR, SPOOL_MAX_BYTES, SPOOL_FSYNC, SPOOL_FSYNC_INTERVAL);

    /** Templates that exist once per rule named in {@code interakt.rules}. */
    public static final List<ConfigKey> PER_RULE = List.of(
            RULE_PATHS, RULE_METHODS, RULE_TARGET,
            RULE_EMAIL_FIELDS, RULE_NAME_FIELDS, RULE_FIRST_NAME_FIELDS, RULE_LAST_NAME_FIELDS,
            RULE_PHONE_FIELDS, RULE_CITY_FIELDS, RULE_COUNTRY_FIELDS,
            RULE_CUSTOM_FIELDS, RULE_EXCLUDE_FIELDS, RULE_SUCCESS_STATUS, RULE_ENRICH, RULE_TRUSTED_PROXY_HEADER);

    private ConfigKeys() {
    }

    /** Every key, global ones first, in README order. */
    public static List<ConfigKey> all() {
        List<ConfigKey> all = new ArrayList<>(GLOBAL);
        all.addAll(PER_RULE);
        return List.copyOf(all);
    }

    public static Optional<ConfigKey> global(String name) {
        return GLOBAL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The default of a per-rule key for one rule: only {@value #DEFAULT_RULE} has default paths. */
    public static String defaultFor(ConfigKey template, String rule) {
        if (template == RULE_PATHS) {
            return DEFAULT_RULE.equals(rule) ? DEFAULT_RULE_PATHS : null;
        }
        return template.defaultValue();
    }

    private static ConfigKey key(String name, String defaultValue, String description) {
        return new ConfigKey(name, defaultValue, null, description, false);
    }

    /** A numeric key whose description ends with its range, e.g. {@code (at most 16MiB).}, from {@code limits}. */
    private static ConfigKey bounded(String name, String defaultValue, String description, Limits limits) {
        return new ConfigKey(name, defaultValue, null, description + " (" + limits.describe() + ").", false, limits);
    }

    private static ConfigKey documented(String name, String defaultValue, String defaultText, String description) {
        return new ConfigKey(name, defaultValue, defaultText, description, false);
    }

    private static ConfigKey secret(String name, String description) {
        return new ConfigKey(name, null, null, description, true);
    }
}
