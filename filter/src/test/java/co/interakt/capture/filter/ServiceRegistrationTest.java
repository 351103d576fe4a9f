package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Containers find initializers through this services file: it must exist and name our class. */
class ServiceRegistrationTest {
    private static final String SERVICES = "META-INF/services/" + ServletContainerInitializer.class.getName();

    @Test
    void theServicesFileNamesTheInitializer() throws IOException {
        try (InputStream in = InteraktCaptureInitializer.class.getClassLoader().getResourceAsStream(SERVICES)) {
            assertNotNull(in, SERVICES + " is missing");
            assertEquals(InteraktCaptureInitializer.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    @Test
    void serviceLoaderFindsIt() {
        List<String> found = ServiceLoader.load(ServletContainerInitializer.class).stream()
                .map(provider -> provider.type().getName())
                .filter(name -> name.startsWith("co.interakt."))
                .toList();

        assertEquals(List.of(InteraktCaptureInitializer.class.getName()), found);
    }
}
