package co.interakt.capture.spring;

import co.interakt.capture.config.ConfigKey;
import co.interakt.capture.config.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@code META-INF/spring-configuration-metadata.json} from {@link ConfigKeys}, so IDEs
 * complete every {@code interakt.*} key with its description, type and default. Per-rule keys are
 * listed for the built-in rule {@value ConfigKeys#DEFAULT_RULE}; their descriptions say how other
 * rules are named. Output is deterministic (key order of {@link ConfigKeys#all()}), so
 * {@link ConfigurationMetadataTest} can compare it with the file in the jar.
 */
final class ConfigurationMetadataJson {
    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h|d)");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Set<String> BOOLEANS = Set.of(ConfigKeys.ENABLED.name(), ConfigKeys.DRY_RUN.name(),
            ConfigKeys.FILTER_AUTO_REGISTER.name());

    private ConfigurationMetadataJson() {
    }

    static String render() {
        List<String> properties = new ArrayList<>();
        for (ConfigKey key : ConfigKeys.all()) {
            properties.add(property(key));
        }
        List<String> hints = List.of(
                hint(ConfigKeys.RULE_TARGET.forRule(ConfigKeys.DEFAULT_RULE), "members", "Interakt members (sign-ups).",
                        "leads", "Interakt leads (prospects)."),
                hint(ConfigKeys.SPOOL_FSYNC.name(), "always", "Force each append to disk before submit returns.",
                        "batch", "Force appends every interakt.spool.fsync-interval.", "os", "Leave flushing to the OS."),
                hint(ConfigKeys.RULE_ENRICH.forRule(ConfigKeys.DEFAULT_RULE), "client-ip", "The client's IP address.",
                        "user-agent", "The User-Agent header.", "referrer", "The Referer header.",
                        "utm", "utm_* parameters of the page URL.", "page-url", "The URL of the page."));
        return "{\n  \"groups\": [\n    {\n      \"name\": \"interakt\",\n      \"description\": \"Interakt Capture: captures signups and forwards them to Interakt.\"\n    }\n  ],\n"
                + "  \"properties\": [\n" + String.join(",\n", properties) + "\n  ],\n"
                + "  \"hints\": [\n" + String.join(",\n", hints) + "\n  ]\n}\n";
    }

    private static String property(ConfigKey key) {
        String name = key.perRule() ? key.forRule(ConfigKeys.DEFAULT_RULE) : key.name();
        String type = type(key);
        String description = plain(key.description());
        if (key.perRule()) {
            description += " For another rule, list it in interakt.rules and use " + key.name() + ".";
        }
        if (key.defaultText() != null) {
            description += " Default: " + plain(key.defaultText()) + ".";
        }
        String defaultValue = key.perRule() ? ConfigKeys.defaultFor(key, ConfigKeys.DEFAULT_RULE) : key.defaultValue();
        StringBuilder json = new StringBuilder("    {\n");
        json.append("      \"name\": ").append(quote(name)).append(",\n");
        json.append("      \"type\": ").append(quote(type)).append(",\n");
        json.append("      \"description\": ").append(quote(description)).append(",\n");
        json.append("      \"sourceType\": ").append(quote(ConfigKeys.class.getName()));
        if (defaultValue != null) {
            json.append(",\n      \"defaultValue\": ").append(defaultJson(type, defaultValue));
        }
        return json.append("\n    }").toString();
    }

    static String type(ConfigKey key) {
        String name = key.name();
        String def = key.defaultValue();
        if (BOOLEANS.contains(name)) {
            return "java.lang.Boolean";
        }
        if (name.endsWith("-fields") || name.endsWith(".paths") || name.endsWith(".methods") || name.endsWith(".success-status")
                || name.endsWith(".enrich") || name.equals(ConfigKeys.RULES.name())) {
            return "java.util.List<java.lang.String>";
        }
        if (def != null && DURATION.matcher(def).matches()) {
            return "java.time.Duration";
        }
        if (def != null && INTEGER.matcher(def).matches() && !name.contains("bytes")) {
            return "java.lang.Integer";
        }
        return "java.lang.String";
    }

    private static String defaultJson(String type, String value) {
        switch (type) {
            case "java.lang.Boolean":
            case "java.lang.Integer":
                return value;
            case "java.util.List<java.lang.String>":
                List<String> items = new ArrayList<>();
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(quote(item.trim()));
                    }
                }
                return "[" + String.join(", ", items) + "]";
            default:
                return quote(value);
        }
    }

    private static String hint(String name, String... valuesAndDescriptions) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < valuesAndDescriptions.length; i += 2) {
            values.add("        {\n          \"value\": " + quote(valuesAndDescriptions[i]) + ",\n          \"description\": "
                    + quote(valuesAndDescriptions[i + 1]) + "\n        }");
        }
        return "    {\n      \"name\": " + quote(name) + ",\n      \"values\": [\n" + String.join(",\n", values) + "\n      ]\n    }";
    }

    /** Markdown of the README table to plain text. */
    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
