package co.interakt.capture.config;

import java.util.Locale;

/**
 * One configuration key: its name, its built-in default and what it means. Per-rule keys are
 * templates whose name holds {@value #RULE_PLACEHOLDER}, e.g. {@code interakt.rule.<name>.paths}.
 *
 * @param name         the key as written in a properties file or system property
 * @param defaultValue the value used when no source sets the key; {@code null} = none
 * @param defaultText  how the default reads in the README (Markdown) when it is not simply {@code defaultValue}
 * @param description  one line for the README table (Markdown)
 * @param secret       the value is a credential: never echoed in a message or log line
 * @param limits       the range a numeric key accepts, stated in its description; {@code null} = not a bounded number
 */
public record ConfigKey(String name, String defaultValue, String defaultText, String description, boolean secret,
        Limits limits) {

    public static final String RULE_PLACEHOLDER = "<name>";

    /** A key that is not a bounded number. */
    public ConfigKey(String name, String defaultValue, String defaultText, String description, boolean secret) {
        this(name, defaultValue, defaultText, description, secret, null);
    }

    /** The environment variable read for {@code key}: upper case, {@code .} and {@code -} turned into {@code _}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String envName() {
        return envName(name);
    }

    /** {@code true} for a per-rule template such as {@code interakt.rule.<name>.target}. */
    public boolean perRule() {
        return name.contains(RULE_PLACEHOLDER);
    }

    /** The concrete key of a per-rule template, e.g. {@code interakt.rule.signup.target}. */
    public String forRule(String rule) {
        return name.replace(RULE_PLACEHOLDER, rule);
    }

    /** The default as the README shows it (Markdown). */
    public String documentedDefault() {
        if (defaultText != null) {
            return defaultText;
        }
        return defaultValue == null ? "(none)" : "`" + defaultValue + "`";
    }
}
