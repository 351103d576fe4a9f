package co.interakt.capture.config;

/** Where a configuration value came from, in increasing precedence. */
enum Source {
    DEFAULT,
    FILE,
    ENVIRONMENT,
    SYSTEM_PROPERTY,
    OVERRIDE;

    /** Words for an error message, so an operator knows which place to fix. */
    String describe(String key, Object file) {
        return switch (this) {
            case DEFAULT -> "built-in default";
            case FILE -> "file " + file;
            case ENVIRONMENT -> "environment variable " + ConfigKey.envName(key);
            case SYSTEM_PROPERTY -> "system property -D" + key;
            case OVERRIDE -> "agent argument / filter init-param";
        };
    }
}
