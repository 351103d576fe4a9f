package co.interakt.capture.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.ConfigKey;
import co.interakt.capture.config.ConfigKeys;
import co.interakt.capture.extract.SkipReasons;
import co.interakt.capture.payload.PayloadMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SkipReasonCatalogTest {

    /** Every reason constant the code can produce: extraction's, mapping's, the engine's. */
    static List<String> codesInTheCode() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (Class<?> type : List.of(SkipReasons.class, CaptureMetrics.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                    codes.add((String) field.get(null));
                }
            }
        }
        codes.add(PayloadMapper.MISSING_EMAIL);
        codes.add(PayloadMapper.INVALID_EMAIL);
        return codes;
    }

    @Test
    void everySkipReasonConstantHasAnEntry() throws IllegalAccessException {
        List<String> codes = codesInTheCode();
        assertTrue(codes.containsAll(List.of("body-too-large", "client-aborted", "body-not-read", "body-unreadable", "multipart-unavailable",
                "sink-rejected", "status-not-success")), codes.toString());
        assertEquals(List.of(), codes.stream().filter(code -> !SkipReasonCatalog.knows(code)).toList());
    }

    @Test
    void onlyWhatIsNotTheUsersToFixStaysQuiet() {
        Set<String> quiet = SkipReasonCatalog.all().stream().filter(r -> !r.actionable()).map(SkipReason::code).collect(Collectors.toSet());
        assertEquals(Set.of("status-not-success", "client-aborted"), quiet);
    }

    @Test
    void everyKeyAFixNamesExists() {
        Set<String> keys = ConfigKeys.all().stream().map(ConfigKey::name).collect(Collectors.toSet());
        Pattern key = Pattern.compile("interakt\\.[a-z<>.-]*[a-z>]");
        List<Executable> checks = new ArrayList<>();
        for (SkipReason reason : SkipReasonCatalog.all()) {
            Matcher m = key.matcher(reason.fix() + " " + reason.words());
            while (m.find()) {
                String named = m.group();
                checks.add(() -> assertTrue(keys.contains(named), reason.code() + " names " + named));
            }
            checks.add(() -> assertFalse(reason.words().isBlank() || reason.fix().isBlank(), reason.code()));
        }
        assertAll(checks);
    }

    @Test
    void theFixNamesTheRulesOwnKey() {
        assertEquals("set interakt.rule.newsletter.email-fields to the field holding the email (nested names as a.b or a[b])",
                SkipReasonCatalog.of("missing-email").fixFor("newsletter"));
    }

    @Test
    void anUnknownCodeStillGetsALine() {
        SkipReason unknown = SkipReasonCatalog.of("something-new");
        assertTrue(unknown.actionable());
        assertEquals("skipped (something-new)", unknown.words());
    }
}
