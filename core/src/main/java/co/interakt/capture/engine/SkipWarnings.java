package co.interakt.capture.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Makes skipped signups visible at the default log level without flooding it: for each (rule,
 * reason) the user can act on, one WARNING the first time, then at most one line every
 * {@link #INTERVAL} with how many were skipped since the last line. A count still pending is
 * written by {@link #flush()} when the capture stops. Lines name the rule, method, path pattern,
 * reason, fix and field names, never a value.
 */
final class SkipWarnings {
    /**
     * A stable logger name users can find and raise: a plain string, not a class name, so the
     * agent's relocation of our packages (shade rewrites matching string constants too) leaves it
     * as it is. The trace writes to it as well.
     */
    static final String LOGGER_NAME = "co.interakt.capture";
    static final Duration INTERVAL = Duration.ofMinutes(5);

    /**
     * One skipped request, names only.
     *
     * @param rule       the rule's name
     * @param reason     the reason's code
     * @param method     the request's method
     * @param pattern    the rule's path pattern that matched (never the request's own path)
     * @param fieldNames what {@link SeenNames#describe} made of the request's field names, or {@code null} when not read
     * @param emailField the field taken as the email, for {@code invalid-email}; else {@code null}
     */
    record Skip(String rule, String reason, String method, String pattern, String fieldNames, String emailField) {
    }

    private static final class State {
        long pending;
        long lastLineAt;
        boolean reported;
        Skip last;
    }

    private final System.Logger log;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    SkipWarnings() {
        this(System.getLogger(LOGGER_NAME), System::nanoTime, INTERVAL);
    }

    SkipWarnings(System.Logger log, LongSupplier nanoClock, Duration interval) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
    }

    /** Counts one skip the user can act on; logs a line when it is the first or the interval has passed. */
    void record(Skip skip) {
        State state = states.computeIfAbsent(skip.rule() + '\u0000' + skip.reason(), k -> new State());
        String line = null;
        synchronized (state) {
            state.pending++;
            state.last = skip;
            long now = nanoClock.getAsLong();
            if (!state.reported || now - state.lastLineAt >= intervalNanos) {
                line = line(state.pending, skip, !state.reported);
                state.reported = true;
                state.lastLineAt = now;
                state.pending = 0;
            }
        }
        if (line != null) {
            log.log(System.Logger.Level.WARNING, line);
        }
    }

    /** Writes the counts not yet reported (at shutdown): nothing skipped goes unmentioned. */
    void flush() {
        for (State state : states.values()) {
            String line = null;
            synchronized (state) {
                if (state.pending > 0) {
                    line = line(state.pending, state.last, false);
                    state.pending = 0;
                }
            }
            if (line != null) {
                log.log(System.Logger.Level.WARNING, line);
            }
        }
    }

    /**
     * E.g. {@code Interakt capture: 3 signup(s) on POST /api/v1/accounts not sent (rule signup): no
     * email field; fields seen: account.name, account.email_address. Fix: set
     * interakt.rule.signup.email-fields to ... [missing-email]}.
     */
    static String line(long count, Skip skip, boolean first) {
        SkipReason reason = SkipReasonCatalog.of(skip.reason());
        StringBuilder line = new StringBuilder("Interakt capture: ")
                .append(count).append(count == 1 ? " signup" : " signups")
                .append(" on ").append(skip.method()).append(' ').append(skip.pattern())
                .append(" not sent (rule ").append(skip.rule()).append(")")
                .append(first ? "" : " since the last report")
                .append(": ").append(reason.words());
        if (skip.emailField() != null) {
            line.append("; email taken from field ").append(SeenNames.one(skip.emailField()));
        }
        if (skip.fieldNames() != null) {
            line.append("; fields seen: ").append(skip.fieldNames());
        }
        line.append(". Fix: ").append(reason.fixFor(skip.rule())).append(". [").append(reason.code());
        if (first) {
            line.append("; repeats are summed up at most every ").append(INTERVAL.toMinutes()).append(" minutes");
        }
        return line.append(']').toString();
    }
}
