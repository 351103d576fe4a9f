package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {
    private static final String KEY = "interakt.rule.signup.paths";

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            /signup                | /signup                 | true
            /signup                | /signup/                | true
            /signup                | /signup//               | true
            /signup/               | /signup                 | true
            /signup                | /sign                   | false
            /signup                | /signupx                | false
            /signup                | /signup/x               | false
            /signup                | /Signup                 | false
            /signup                | ''                      | false
            /signup                | signup                  | false
            /signup                | NULL                    | false
            /                      | /                       | true
            /                      | ''                      | true
            /                      | /a                      | false
            /users/*/register      | /users/42/register      | true
            /users/*/register      | /users/42/register/     | true
            /users/*/register      | /users/register         | false
            /users/*/register      | /users//register        | false
            /users/*/register      | /users/4/2/register     | false
            /*                     | /anything               | true
            /*                     | /                       | false
            /*                     | /a/b                    | false
            /api/**                | /api                    | true
            /api/**                | /api/                   | true
            /api/**                | /api/v1/users/signup    | true
            /api/**                | /apiv1                  | false
            /api/**                | /other/api/x            | false
            /**                    | /                       | true
            /**                    | /x/y/z                  | true
            /**/signup             | /signup                 | true
            /**/signup             | /a/b/signup             | true
            /**/signup             | /a/b/signup/x           | false
            /**/signup             | /a/b/sign               | false
            /a/**/b/*/c            | /a/b/x/c                | true
            /a/**/b/*/c            | /a/1/2/b/x/c            | true
            /a/**/b/*/c            | /a/b/b/x/c              | true
            /a/**/b/*/c            | /a/b/c                  | false
            /a/**/**/z             | /a/z                    | true
            /a/**/**/z             | /a/1/2/3/z              | true
            /a/**/x/**/z           | /a/1/x/2/x/3/z          | true
            /a/**/x/**/z           | /a/1/y/2/z              | false
            """)
    void matches(String pattern, String path, boolean expected) {
        assertEquals(expected, PathPattern.compile(KEY, pattern).matches(path));
    }

    @ParameterizedTest(name = "malformed: \"{0}\"")
    @ValueSource(strings = {"", "   ", "signup", "*/signup", "/a/***", "/a**b", "/a/**b", "/sign*", "/a//b",
        "/signup?x=1", "/sign up", "/a#frag"})
    void malformedPatternsNameTheKeyAndTheFix(String pattern) {
        ConfigException e = assertThrows(ConfigException.class, () -> PathPattern.compile(KEY, pattern));
        assertEquals(KEY, e.key());
        assertTrue(e.getMessage().startsWith(KEY + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("fix: write patterns like /signup"), e.getMessage());
    }

    /** Runs on every request thread: counted in bytes allocated by this thread, not in time. */
    @Test
    void matchingAllocatesNothing() {
        PathPattern[] patterns = {
            PathPattern.compile(KEY, "/signup"), PathPattern.compile(KEY, "/users/*/register"),
            PathPattern.compile(KEY, "/a/**/x/**/z")};
        String[] paths = {"/signup/", "/users/42/register", "/a/1/x/2/x/3/z", "/a/1/y/2/z", "/other"};
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int hits = 0;
        for (int warm = 0; warm < 20_000; warm++) {
            hits += patterns[warm % 3].matches(paths[warm % 5]) ? 1 : 0;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            hits += patterns[i % 3].matches(paths[i % 5]) ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(hits > 0);
        // A few bytes of measuring noise at most; one allocation per match would be megabytes.
        assertTrue(allocated < 10_000, "matches() allocated " + allocated + " bytes in 100000 calls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/signup", "/users/*/register", "/api/**"})
    void toStringIsThePatternAsWritten(String pattern) {
        assertEquals(pattern, PathPattern.compile(KEY, pattern).toString());
    }
}
