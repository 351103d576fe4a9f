package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What the shaded agent jar says about what it bundles: its CycloneDX SBOM (built with the jar,
 * attached as {@code -cyclonedx.json}) names the library behind every relocated package and nothing
 * the jar does not bundle (the servlet API and the test libraries stay out), and the jar carries
 * the licence texts and notices those libraries ask for.
 */
class AgentSbomIT {
    private static final String SHADED = "co/interakt/capture/agent/shaded/";

    /** Relocated package (under {@link #SHADED}) to the Maven coordinates it comes from; most specific first. */
    private static final Map<String, String> ORIGINS = origins();

    private static Map<String, String> origins() {
        Map<String, String> origins = new LinkedHashMap<>();
        origins.put("servlet/javax/", "co.interakt.capture/interakt-capture-filter-javax");
        origins.put("servlet/", "co.interakt.capture/interakt-capture-filter");
        for (String corePackage : List.of("config/", "delivery/", "engine/", "extract/", "payload/")) {
            origins.put(corePackage, "co.interakt.capture/interakt-capture-core");
        }
        origins.put("bytebuddy/", "net.bytebuddy/byte-buddy");
        origins.put("jackson/", "com.fasterxml.jackson.core/jackson-core");
        origins.put("hc/client5/", "org.apache.httpcomponents.client5/httpclient5");
        origins.put("hc/core5/http2/", "org.apache.httpcomponents.core5/httpcore5-h2");
        origins.put("hc/core5/", "org.apache.httpcomponents.core5/httpcore5");
        origins.put("slf4j/", "org.slf4j/slf4j-api");
        origins.put("publicsuffix/", "org.apache.httpcomponents.client5/httpclient5");
        return Collections.unmodifiableMap(origins);
    }

    @Test
    void namesWithItsVersionTheLibraryOfEveryRelocatedPackage() throws IOException {
        Set<String> listed = componentsWithoutVersion();
        Set<String> bundled = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String entry : jarEntries()) {
            if (!entry.startsWith(SHADED) || entry.endsWith("/")) {
                continue;
            }
            String relocated = entry.substring(SHADED.length());
            ORIGINS.entrySet().stream()
                    .filter(origin -> relocated.startsWith(origin.getKey()))
                    .findFirst()
                    .ifPresentOrElse(origin -> bundled.add(origin.getValue()), () -> unknown.add(entry));
        }
        assertEquals(List.of(), unknown, "relocated entries of unknown origin: add them to ORIGINS (and check the SBOM lists them)");
        assertTrue(bundled.containsAll(List.of("net.bytebuddy/byte-buddy", "com.fasterxml.jackson.core/jackson-core",
                "org.apache.httpcomponents.client5/httpclient5", "org.apache.httpcomponents.core5/httpcore5",
                "org.slf4j/slf4j-api")), "the jar bundles " + bundled);
        Set<String> missing = new TreeSet<>(bundled);
        missing.removeAll(listed);
        assertEquals(Set.of(), missing, "bundled in the jar but not in the SBOM " + listed);
    }

    @Test
    void listsNothingTheJarDoesNotBundle() throws IOException {
        List<String> foreign = componentsWithoutVersion().stream()
                .filter(name -> name.contains("servlet-api") || name.contains("jetty") || name.contains("tomcat")
                        || name.contains("junit") || name.contains("example") || name.contains("sandbox")
                        || name.contains("test-support"))
                .toList();
        assertEquals(List.of(), foreign);
    }

    @Test
    void describesTheAgentItself() throws IOException {
        List<String> purls = purls();
        assertTrue(purls.stream().anyMatch(purl -> purl.startsWith("pkg:maven/co.interakt.capture/interakt-capture-agent@")),
                "no metadata component for the agent in " + purls);
    }

    @Test
    void carriesOurLicenceAndTheNoticesAndSlf4jsMitLicence() throws IOException {
        try (JarFile jar = new JarFile(AgentSetup.agentJar().toFile())) {
            assertTrue(text(jar, "META-INF/LICENSE").contains("Apache License\n                           Version 2.0, January 2004"),
                    "META-INF/LICENSE is not the Apache License 2.0");
            String notice = text(jar, "META-INF/NOTICE");
            assertTrue(notice.contains("Interakt Capture\nCopyright"), "our NOTICE is missing: " + notice);
            assertTrue(notice.contains("Byte Buddy") || notice.contains("Rafael Winterhalter"), "Byte Buddy's notice is missing");
            assertTrue(notice.contains("Jackson"), "Jackson's notice is missing");
            assertTrue(text(jar, "META-INF/licenses/slf4j-api-LICENSE.txt").contains("Permission is hereby granted"),
                    "slf4j-api's MIT licence is missing");
        }
    }

    private static String text(JarFile jar, String entry) throws IOException {
        JarEntry found = jar.getJarEntry(entry);
        assertTrue(found != null, entry + " is missing");
        try (var in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code group/artifact} of every component, from its package URL ({@code pkg:maven/group/artifact@version?...}). */
    private static Set<String> componentsWithoutVersion() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String purl : purls()) {
            assertTrue(purl.matches("pkg:maven/[^/@]+/[^/@]+@\\d[^?]*(\\?.*)?"), "unexpected purl " + purl);
            names.add(purl.substring("pkg:maven/".length(), purl.indexOf('@')));
        }
        return names;
    }

    /** Every {@code "purl"} value in the SBOM: the agent (metadata) and each component. */
    private static List<String> purls() throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("maven.mode")),
                "the SBOM is made only when Maven runs online (cyclonedx-maven-plugin requires it): build without -o");
        List<String> purls = new ArrayList<>();
        try (JsonParser json = new JsonFactory().createParser(AgentSetup.existing("agent.sbom").toFile())) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "purl".equals(json.currentName())) {
                    json.nextToken();
                    purls.add(json.getText());
                }
            }
        }
        assertTrue(purls.size() > 1, "no components in the SBOM");
        return purls;
    }

    private static List<String> jarEntries() throws IOException {
        try (JarFile jar = new JarFile(AgentSetup.agentJar().toFile())) {
            return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
    }
}
