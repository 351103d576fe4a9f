package co.interakt.capture.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SkipWarningsTest {
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecordingLogger log = new RecordingLogger();
    private final SkipWarnings warnings = new SkipWarnings(log, now::get, INTERVAL);

    private static SkipWarnings.Skip missingEmail(String rule) {
        return new SkipWarnings.Skip(rule, "missing-email", "POST", "/api/v1/accounts",
                SeenNames.describe(List.of("account[name]", "account.email_address", "account.city")), null);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void theFirstSkipIsAWarningAtOnceNamingRuleMethodPatternReasonFixAndFields() {
        warnings.record(missingEmail("signup"));

        assertEquals(List.of("WARNING Interakt capture: 1 signup on POST /api/v1/accounts not sent (rule signup): no email field; "
                + "fields seen: account.name, account.email_address, account.city. "
                + "Fix: set interakt.rule.signup.email-fields to the field holding the email (nested names as a.b or a[b]). "
                + "[missing-email; repeats are summed up at most every 5 minutes]"), log.lines);
    }

    @Test
    void repeatsWithinTheIntervalAreCountedThenReportedOnceWithTheCountSinceTheLastLine() {
        warnings.record(missingEmail("signup"));
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofSeconds(30));
            warnings.record(missingEmail("signup"));
        }
        assertEquals(1, log.lines.size(), log.lines.toString());

        advance(INTERVAL); // the next one comes after the interval: one line for the 3 held back and itself
        warnings.record(missingEmail("signup"));

        assertEquals(2, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(1).startsWith("WARNING Interakt capture: 4 signups on POST /api/v1/accounts not sent (rule signup) "
                + "since the last report: no email field;"), log.lines.get(1));
        assertTrue(log.lines.get(1).endsWith("[missing-email]"), log.lines.get(1));
    }

    @Test
    void exactlyAtTheIntervalTheNextOneIsReported() {
        warnings.record(missingEmail("signup"));
        advance(INTERVAL.minusNanos(1));
        warnings.record(missingEmail("signup"));
        assertEquals(1, log.lines.size());
        advance(Duration.ofNanos(1));
        warnings.record(missingEmail("signup"));
        assertEquals(2, log.lines.size());
        assertTrue(log.lines.get(1).contains(": 2 signups on"), log.lines.get(1));
    }

    @Test
    void eachRuleAndReasonHasItsOwnFirstWarningAndItsOwnInterval() {
        warnings.record(missingEmail("signup"));
        warnings.record(missingEmail("newsletter"));
        warnings.record(new SkipWarnings.Skip("signup", "body-too-large", "POST", "/signup", null, null));
        warnings.record(missingEmail("signup"));

        assertEquals(3, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(1).contains("(rule newsletter)") && log.lines.get(1).contains("interakt.rule.newsletter.email-fields"),
                log.lines.get(1));
        assertEquals("WARNING Interakt capture: 1 signup on POST /signup not sent (rule signup): the body is larger than "
                + "interakt.max-body-bytes. Fix: raise interakt.max-body-bytes (or keep uploads out of the signup request). "
                + "[body-too-large; repeats are summed up at most every 5 minutes]", log.lines.get(2));
    }

    @Test
    void flushReportsWhatIsStillPendingAndNothingTwice() {
        warnings.record(missingEmail("signup"));
        warnings.record(missingEmail("signup"));
        warnings.record(missingEmail("signup"));

        warnings.flush();
        warnings.flush();

        assertEquals(2, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(1).contains(": 2 signups on POST /api/v1/accounts not sent (rule signup) since the last report"),
                log.lines.get(1));
    }

    @Test
    void underConcurrentSkipsEveryOneIsCountedInExactlyOneLine() throws Exception {
        int threads = 8;
        int each = 500;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        warnings.record(missingEmail("signup"));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        warnings.flush();

        assertEquals(2, log.lines.size(), log.lines.toString());
        long total = log.lines.stream()
                .mapToLong(l -> Long.parseLong(l.substring("WARNING Interakt capture: ".length(), l.indexOf(" signup"))))
                .sum();
        assertEquals(threads * each, total);
    }

    @Test
    void theEmailFieldOfAnInvalidEmailIsNamedNeverItsValue() {
        warnings.record(new SkipWarnings.Skip("signup", "invalid-email", "POST", "/signup", SeenNames.describe(List.of("email", "name")), "email"));

        assertEquals("WARNING Interakt capture: 1 signup on POST /signup not sent (rule signup): the email field does not hold an "
                + "email address; email taken from field email; fields seen: email, name. Fix: check that "
                + "interakt.rule.signup.email-fields names the email field and not another one. "
                + "[invalid-email; repeats are summed up at most every 5 minutes]", log.lines.get(0));
    }

    @Test
    void fieldNamesAreCleanedCutMaskedAndBounded() {
        List<String> many = new java.util.ArrayList<>();
        many.add("user[email]\r\nINFO forged");
        many.add("ada@example.com");
        many.add("x".repeat(100));
        for (int i = 0; i < 30; i++) {
            many.add("f" + i);
        }
        String described = SeenNames.describe(many);

        assertTrue(described.startsWith("user.emailINFO forged, (a name with @), " + "x".repeat(64) + "..., f0, "), described);
        assertTrue(described.endsWith(", f21, ... (8 more)"), described);
        assertEquals("(none)", SeenNames.describe(List.of()));
    }
}
