package co.interakt.capture.it.tomcat;

import org.glassfish.jersey.server.ResourceConfig;

/** The JAX-RS application; JSON through jersey-media-json-jackson, which registers itself. */
public class SignupResources extends ResourceConfig {
    public SignupResources() {
        register(JsonSignupResource.class);
        register(FormSignupResource.class);
    }
}
