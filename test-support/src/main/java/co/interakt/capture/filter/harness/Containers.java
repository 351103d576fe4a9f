package co.interakt.capture.filter.harness;

import java.util.function.Supplier;

/** The containers every scenario runs on. */
public enum Containers {
    JETTY_12(JettyContainer::new),
    TOMCAT_11(TomcatContainer::new);

    private final Supplier<ContainerUnderTest> factory;

    Containers(Supplier<ContainerUnderTest> factory) {
        this.factory = factory;
    }

    public ContainerUnderTest create() {
        return factory.get();
    }
}
