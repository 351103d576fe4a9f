package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ByteBuddyPropertiesTest {
    private static final String ORIGINAL = "net.bytebuddy.";
    private static final String RELOCATED = "co.interakt.capture.agent.shaded.bytebuddy.";

    @Test
    void documentedPropertiesReachTheRelocatedByteBuddy() {
        Properties properties = new Properties();
        properties.setProperty(ORIGINAL + "experimental", "true");
        ByteBuddyProperties.configure(properties, ORIGINAL, RELOCATED);
        assertEquals("true", properties.getProperty(RELOCATED + "experimental"));
        assertEquals("true", properties.getProperty(ORIGINAL + "experimental"), "the application's own stays as it was");
    }

    @Test
    void aRelocatedPropertySetExplicitlyWins() {
        Properties properties = new Properties();
        properties.setProperty(ORIGINAL + "experimental", "true");
        properties.setProperty(RELOCATED + "experimental", "false");
        ByteBuddyProperties.configure(properties, ORIGINAL, RELOCATED);
        assertEquals("false", properties.getProperty(RELOCATED + "experimental"));
    }
}
