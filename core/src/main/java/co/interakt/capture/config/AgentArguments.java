package co.interakt.capture.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code -javaagent:interakt-capture.jar=key=value,key2=value2} into override keys for
 * {@link ConfigLoader#overrides}. Keys may be written with or without the {@code interakt.} prefix;
 * {@code config=/path/file.properties} names the properties file ({@code interakt.config-file}).
 *
 * <p>Lists need commas too, so a piece without {@code =} continues the previous value:
 * {@code rule.signup.paths=/join,/register,app-id=abc} sets paths to {@code /join,/register}.
 */
public final class AgentArguments {
    private static final String SOURCE = "agent arguments";
    private static final String FIX = "write -javaagent:interakt-capture.jar=key=value,key2=value2";

    private AgentArguments() {
    }

    /** The overrides, keys prefixed with {@code interakt.}; empty for {@code null} or blank arguments. */
    public static Map<String, String> parse(String args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (args == null || args.isBlank()) {
            return overrides;
        }
        String currentKey = null;
        for (String piece : args.split(",", -1)) {
            int eq = piece.indexOf('=');
            if (eq < 0) {
                if (currentKey == null) {
                    // The piece itself is not quoted: it could be a credential pasted in the wrong place.
                    throw new ConfigException(SOURCE, "the first argument has no '='", FIX);
                }
                overrides.merge(currentKey, "," + piece.trim(), String::concat);
                continue;
            }
            currentKey = normalise(piece.substring(0, eq).trim());
            if (overrides.containsKey(currentKey)) {
                throw new ConfigException(currentKey, "given twice in the " + SOURCE, "keep one of them");
            }
            overrides.put(currentKey, piece.substring(eq + 1).trim());
        }
        return overrides;
    }

    private static String normalise(String key) {
        if (key.isEmpty()) {
            throw new ConfigException(SOURCE, "an argument has no key before '='", FIX);
        }
        if (key.equals("config") || key.equals("config-file")) {
            return ConfigKeys.CONFIG_FILE.name();
        }
        return key.startsWith(ConfigKeys.PREFIX) ? key : ConfigKeys.PREFIX + key;
    }
}
