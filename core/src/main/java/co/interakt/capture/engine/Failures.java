package co.interakt.capture.engine;

/**
 * How every layer of the capture (engine, servlet layer, agent) names one of its own failures in a
 * log line: the exception type and where it was thrown, never its message, which could quote a
 * field value or a secret.
 */
public final class Failures {
    private Failures() {
    }

    /** E.g. {@code java.lang.IllegalStateException at co.interakt.capture.X.y(X.java:42)}. */
    public static String describe(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName() + " at " + (trace.length > 0 ? trace[0].toString() : "?");
    }
}
