package co.interakt.capture.config;

import java.util.Locale;

/** The Interakt endpoint a capture rule forwards to. */
public enum Target {
    MEMBERS("members"),
    LEADS("leads");

    private final String path;

    Target(String path) {
        this.path = path;
    }

    /** The path segment appended to the base URL, e.g. {@code members}. */
    public String path() {
        return path;
    }

    /** Parses {@code members} or {@code leads}, case-insensitively; throws with the valid choices otherwise. */
    public static Target parse(String key, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Target t : values()) {
            if (t.path.equals(v)) {
                return t;
            }
        }
        throw new ConfigException(key, "unknown target '" + value + "'", "use 'members' or 'leads'");
    }
}
