package co.interakt.capture.spring;

import co.interakt.capture.config.ConfigKey;
import co.interakt.capture.config.ConfigKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The {@code interakt.*} settings Spring's {@code Environment} holds, keyed as everywhere else, with
 * where each was set. Bound the Boot way, so every Boot source works: application.properties or
 * YAML (lists as YAML lists too), profiles, relaxed names ({@code interakt.appId},
 * {@code INTERAKT_APP_ID}), placeholders, config trees, command-line arguments.
 *
 * <p>Only the keys {@link ConfigKeys} declares are looked up, plus the per-rule keys of the rules
 * {@code interakt.rules} names. An {@code interakt.*} name in an application's own files that is
 * none of these (a typo) is handed on with an empty value, so the loader rejects it with its usual
 * message; system properties and environment variables are left to the loader, which only warns
 * about them, as they are shared with the rest of the JVM.
 */
final class EnvironmentSettings {
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("interakt");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    private EnvironmentSettings() {
    }

    static EnvironmentSettings from(Environment environment) {
        EnvironmentSettings settings = new EnvironmentSettings();
        Binder binder = Binder.get(environment);
        List<ConfigurationPropertySource> sources = sources(environment);
        List<String> known = new ArrayList<>();
        ConfigKeys.GLOBAL.forEach(k -> known.add(k.name()));
        String rules = bind(binder, ConfigKeys.RULES.name());
        List<String> ruleNames = rules == null ? List.of(ConfigKeys.DEFAULT_RULE) : splitRules(rules);
        for (String rule : ruleNames) {
            for (ConfigKey template : ConfigKeys.PER_RULE) {
                known.add(template.forRule(rule));
            }
        }
        for (String key : known) {
            String value = key.equals(ConfigKeys.RULES.name()) ? rules : bind(binder, key);
            if (value != null) {
                settings.values.put(key, value);
                settings.origins.put(key, describe(originOf(sources, name(key))));
            }
        }
        settings.addUnknownNames(sources, known);
        return settings;
    }

    /** The values to hand to the loader as overrides. */
    Map<String, String> values() {
        return values;
    }

    /** Where {@code key} was set, for messages: e.g. {@code Spring property from class path resource [application.yml] - 4:12}. */
    String originOf(String key) {
        return origins.get(key);
    }

    /** A scalar, or a list (YAML list, indexed properties) joined with commas; {@code null} when not set. */
    private static String bind(Binder binder, String key) {
        ConfigurationPropertyName name = name(key);
        String scalar = binder.bind(name, Bindable.of(String.class)).orElse(null);
        if (scalar != null) {
            return scalar;
        }
        List<String> list = binder.bind(name, Bindable.listOf(String.class)).orElse(null);
        return list == null ? null : list.stream().map(String::trim).collect(Collectors.joining(","));
    }

    private static List<String> splitRules(String rules) {
        List<String> names = new ArrayList<>();
        for (String part : rules.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }

    /** Rule names may hold {@code _} or capitals, which a strict name does not allow: adapt. */
    private static ConfigurationPropertyName name(String key) {
        return ConfigurationPropertyName.adapt(key, '.');
    }

    /** Boot's sources in precedence order, without the JVM-wide ones the loader reads itself. */
    private static List<ConfigurationPropertySource> sources(Environment environment) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            ConfigurationPropertySources.get(configurable).forEach(sources::add);
        }
        return sources;
    }

    private static boolean sharedWithTheJvm(ConfigurationPropertySource source) {
        Object underlying = source.getUnderlyingSource();
        String name = underlying instanceof PropertySource<?> ps ? ps.getName() : "";
        return name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                || name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    }

    private static Origin originOf(List<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property == null) {
                property = source.getConfigurationProperty(name.append("[0]"));
            }
            if (property != null) {
                Origin origin = property.getOrigin();
                return origin != null ? origin : Origin.from(source.getUnderlyingSource());
            }
        }
        return null;
    }

    private static String describe(Origin origin) {
        return origin == null ? "Spring Environment" : "Spring property from " + origin;
    }

    /** Records each {@code interakt.*} name of the application's own sources that no key matches. */
    private void addUnknownNames(List<ConfigurationPropertySource> sources, List<String> known) {
        List<ConfigurationPropertyName> knownNames = known.stream().map(EnvironmentSettings::name).toList();
        for (ConfigurationPropertySource source : sources) {
            if (!(source instanceof IterableConfigurationPropertySource iterable) || sharedWithTheJvm(source)) {
                continue;
            }
            iterable.stream().filter(ROOT::isAncestorOf).forEach(name -> {
                ConfigurationPropertyName key = withoutIndex(name);
                if (!knownNames.contains(key) && !values.containsKey(key.toString())) {
                    values.put(key.toString(), "");
                    ConfigurationProperty property = source.getConfigurationProperty(name);
                    origins.put(key.toString(), describe(property == null ? null : property.getOrigin()));
                }
            });
        }
    }

    private static ConfigurationPropertyName withoutIndex(ConfigurationPropertyName name) {
        ConfigurationPropertyName result = name;
        while (result.getNumberOfElements() > 1 && result.isLastElementIndexed()) {
            result = result.getParent();
        }
        return result;
    }
}
