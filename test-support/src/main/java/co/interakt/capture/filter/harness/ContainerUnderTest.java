package co.interakt.capture.filter.harness;

import java.net.URI;

/** A real embedded servlet container, on an ephemeral loopback port, running some web applications. */
public interface ContainerUnderTest extends AutoCloseable {

    /** Short name for test display, e.g. {@code jetty-12}. */
    String name();

    /** Starts the container with these applications; returns the server root, e.g. {@code http://127.0.0.1:41234}. */
    URI start(WebApp... apps) throws Exception;

    /**
     * Whether this container finds {@code ServletContainerInitializer}s on its own, through
     * {@code META-INF/services} on the class path, for an exploded web.xml application.
     */
    boolean discoversInitializers();

    /** Stops the container: filters are destroyed, so the capture engine flushes what it queued. */
    @Override
    void close() throws Exception;
}
