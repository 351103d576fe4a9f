package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shaded agent jar: one file, everything relocated under the agent's package, under 6 MiB. */
class AgentJarIT {
    private static final String OURS = "co/interakt/capture/agent/";
    /** What may sit outside our package: the manifest, licence texts, relocated multi-release classes and service files. */
    private static final Pattern ALLOWED_META_INF = Pattern.compile(
            "META-INF/(MANIFEST\\.MF|[A-Za-z-]*(LICENSE|NOTICE|DEPENDENCIES)(\\.txt)?|licenses/[A-Za-z0-9._-]+"
                    + "|versions/\\d+/" + OURS + ".*|services/co\\.interakt\\.capture\\.agent\\.shaded\\.[A-Za-z0-9.$_]+)");

    @Test
    void everyEntryIsUnderTheAgentsPackageOrAllowedMetaInf() throws IOException {
        List<String> foreign = entries().stream()
                .filter(name -> !name.endsWith("/"))
                .filter(name -> !name.startsWith(OURS) && !ALLOWED_META_INF.matcher(name).matches())
                .toList();
        assertEquals(List.of(), foreign, "un-relocated entries (an app could clash with them)");
    }

    @Test
    void carriesNoServletApiAndNeverTheFiltersInitializer() throws IOException {
        List<String> unwanted = entries().stream()
                .filter(name -> name.contains("jakarta/servlet/") || name.contains("javax/servlet/")
                        || name.contains("ServletContainerInitializer") || name.contains("/filter/InteraktCaptureFilter"))
                .toList();
        assertEquals(List.of(), unwanted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "co/interakt/capture/agent/jakarta/JakartaServletHook.class",
        "co/interakt/capture/agent/shaded/servlet/ServletCapture.class",
        "co/interakt/capture/agent/javax/JavaxServletHook.class",
        "co/interakt/capture/agent/shaded/servlet/javax/ServletCapture.class"})
    void holdsTheHookAndServletLayerOfBothNamespaces(String entry) throws IOException {
        assertTrue(entries().contains(entry), entry + " is missing");
    }

    @Test
    void manifestDeclaresBothEntryPointsAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(AgentSetup.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("co.interakt.capture.agent.InteraktAgent", main.getValue("Premain-Class"));
            assertEquals("co.interakt.capture.agent.InteraktAgent", main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertTrue(main.getValue("Implementation-Version").matches("\\d+\\.\\d+\\.\\d+.*"), main.getValue("Implementation-Version"));
        }
    }

    @Test
    void staysUnderSixMebibytes() throws IOException {
        long size = Files.size(AgentSetup.agentJar());
        assertTrue(size < 6L * 1024 * 1024, "agent jar is " + size + " bytes");
    }

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(AgentSetup.agentJar().toFile())) {
            return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
    }
}
