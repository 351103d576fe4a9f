package co.interakt.capture.agent;

import java.util.Properties;
import net.bytebuddy.ByteBuddy;

/**
 * Byte Buddy reads a few {@code net.bytebuddy.*} system properties (e.g.
 * {@code net.bytebuddy.experimental=true} to run on a Java version newer than it knows). Relocated
 * into the agent jar, it reads them under the relocated prefix instead; this copies the documented
 * names over, so they keep working for users of the agent.
 */
final class ByteBuddyProperties {
    private ByteBuddyProperties() {
    }

    static void forward(Properties properties) {
        // Built at run time: shade rewrites a string constant naming a relocated package.
        String original = String.join(".", "net", "bytebuddy") + ".";
        String relocated = ByteBuddy.class.getPackageName() + ".";
        if (original.equals(relocated)) {
            return;
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(original)) {
                String target = relocated + name.substring(original.length());
                if (properties.getProperty(target) == null) {
                    properties.setProperty(target, properties.getProperty(name));
                }
            }
        }
    }
}
