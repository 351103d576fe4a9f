package co.interakt.capture.agent;

import java.util.Properties;
import net.bytebuddy.ClassFileVersion;

/**
 * The system properties our (relocated) Byte Buddy reads: {@code experimental}, which lets its ASM
 * read class files of a Java version newer than it knows. Relocated, it reads
 * {@code <relocated package>.*} instead of {@code net.bytebuddy.*}: private to the agent, so
 * setting them affects no Byte Buddy of the application's.
 */
final class ByteBuddyProperties {
    private ByteBuddyProperties() {
    }

    static void configure(Properties properties) {
        // Built at run time: shade rewrites a string constant naming a relocated package.
        String original = String.join(".", "net", "bytebuddy") + ".";
        String relocated = ClassFileVersion.class.getPackageName() + "."; // any class of Byte Buddy's root package
        if (!original.equals(relocated)) { // unrelocated (unit tests), these would be everyone's properties
            configure(properties, original, relocated);
        }
    }

    /**
     * Copies the documented names over (e.g. {@code net.bytebuddy.experimental=true} to run on a
     * Java version newer than this Byte Buddy knows), so they keep working for users of the agent.
     */
    static void configure(Properties properties, String original, String relocated) {
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
