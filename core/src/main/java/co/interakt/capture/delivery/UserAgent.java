package co.interakt.capture.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code interakt-capture-java/<version>}: lets Interakt tell our traffic apart, per version. */
final class UserAgent {
    static final String PRODUCT = "interakt-capture-java";
    private static final String POM_PROPERTIES = "/META-INF/maven/co.interakt.capture/interakt-capture-core/pom.properties";
    static final String VALUE = PRODUCT + "/" + version();

    private UserAgent() {
    }

    /** The jar manifest's Implementation-Version, else the Maven pom.properties every jar carries, else "dev". */
    static String version() {
        String version = UserAgent.class.getPackage().getImplementationVersion();
        if (version != null && !version.isBlank()) {
            return version.trim();
        }
        try (InputStream in = UserAgent.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: a missing version is no reason to stop sending.
        }
        return "dev";
    }
}
