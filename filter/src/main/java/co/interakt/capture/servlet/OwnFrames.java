package co.interakt.capture.servlet;

import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Takes the request wrapper's own frames out of an exception the container threw through it, so
 * the application (and the container's error page, which prints the stack trace) sees the trace
 * it would have seen without the capture. A wrapper must stand between the application and the
 * container to record the body; this is what keeps its frames out of sight when, say,
 * {@code getParameter} fails on a malformed form.
 */
final class OwnFrames {
    private static final int MAX_THROWABLES = 32;
    private static final String OURS = BodyCachingRequest.class.getName();
    private static final String WRAPPER = ServletRequestWrapper.class.getName();
    private static final String HTTP_WRAPPER = HttpServletRequestWrapper.class.getName();

    private OwnFrames() {
    }

    /** The same exception, its causes and suppressed ones without our frames; never fails. */
    static <T extends Throwable> T removedFrom(T thrown) {
        try {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<Throwable> todo = new ArrayDeque<>();
            todo.add(thrown);
            while (!todo.isEmpty() && seen.size() < MAX_THROWABLES) {
                Throwable t = todo.poll();
                if (t == null || !seen.add(t)) {
                    continue;
                }
                StackTraceElement[] trace = t.getStackTrace();
                StackTraceElement[] kept = without(trace);
                if (kept.length != trace.length) {
                    t.setStackTrace(kept);
                }
                if (t.getCause() != null) {
                    todo.add(t.getCause());
                }
                Collections.addAll(todo, t.getSuppressed());
            }
        } catch (RuntimeException e) {
            // A trace left as it was is still a correct trace.
        }
        return thrown;
    }

    /** The trace without {@code BodyCachingRequest} frames and the wrapper-superclass frames they called. */
    static StackTraceElement[] without(StackTraceElement[] trace) {
        List<StackTraceElement> kept = new ArrayList<>(trace.length);
        for (int i = 0; i < trace.length; i++) {
            if (isOurs(trace[i]) || i + 1 < trace.length && isOurs(trace[i + 1]) && isSuperCall(trace[i], trace[i + 1])) {
                continue;
            }
            kept.add(trace[i]);
        }
        return kept.size() == trace.length ? trace : kept.toArray(new StackTraceElement[0]);
    }

    private static boolean isOurs(StackTraceElement frame) {
        return OURS.equals(frame.getClassName());
    }

    private static boolean isSuperCall(StackTraceElement frame, StackTraceElement caller) {
        String type = frame.getClassName();
        return (WRAPPER.equals(type) || HTTP_WRAPPER.equals(type)) && frame.getMethodName().equals(caller.getMethodName());
    }
}
