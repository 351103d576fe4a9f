package co.interakt.capture.spring;

import co.interakt.capture.config.ConfigException;

/** A {@link ConfigException} with where Spring's {@code Environment} set the key, when it did. */
final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String springOrigin;

    InvalidSettingException(ConfigException cause, String springOrigin) {
        super(cause.getMessage() + (springOrigin == null ? "" : " [" + springOrigin + "]"), cause);
        this.springOrigin = springOrigin;
    }

    /** E.g. {@code Spring property from class path resource [application.properties] - 3:28}, or {@code null}. */
    String springOrigin() {
        return springOrigin;
    }
}
