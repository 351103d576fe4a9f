package co.interakt.capture.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md's reasons table and {@link SkipReasonCatalog} list the same reasons at the same levels. */
class TroubleshootingDocumentsEveryReasonTest {

    private static List<String> reasonRows() throws IOException {
        Path doc = Files.exists(Path.of("..", "docs", "troubleshooting.md")) ? Path.of("..", "docs", "troubleshooting.md")
                : Path.of("docs", "troubleshooting.md");
        return Files.readAllLines(doc, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("| `") && (line.endsWith("| WARNING |") || line.endsWith("| DEBUG |")))
                .toList();
    }

    @Test
    void everyReasonHasItsRowWithItsLevel() throws IOException {
        List<String> rows = reasonRows();
        String expected = SkipReasonCatalog.all().stream()
                .map(r -> "`" + r.code() + "` " + (r.actionable() ? "WARNING" : "DEBUG")).collect(Collectors.joining("\n"));
        String documented = rows.stream()
                .map(row -> row.substring(2, row.indexOf('`', 3) + 1) + " " + row.substring(row.lastIndexOf("| ", row.length() - 3) + 2, row.length() - 2))
                .collect(Collectors.joining("\n"));
        assertEquals(expected, documented, "docs/troubleshooting.md's reasons table, in the catalog's order");
    }

    @Test
    void eachRowSaysWhatTheCatalogSays() throws IOException {
        for (String row : reasonRows()) {
            String code = row.substring(3, row.indexOf('`', 3));
            String plain = row.replace("`", "");
            SkipReason reason = SkipReasonCatalog.of(code);
            assertTrue(plain.contains(reason.words().replace("`", "").split(" \\(")[0]), code + ": " + row);
        }
    }
}
