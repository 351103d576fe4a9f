package co.interakt.capture.servlet;

import co.interakt.capture.extract.SkipReasons;
import java.io.EOFException;
import java.nio.channels.ClosedChannelException;

/** Tells a client that went away from a container that would not give the body. */
final class ReadFailures {
    private ReadFailures() {
    }

    /**
     * {@code client-aborted} when the failure, or one of its causes, is the connection ending early
     * ({@link EOFException}, which Jetty's {@code EofException} is; Tomcat's
     * {@code ClientAbortException}; a closed channel); {@code body-unreadable} for anything else.
     * Matched by type and simple name only: containers are not on our class path.
     */
    static String reasonFor(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof EOFException || t instanceof ClosedChannelException
                    || name.equals("ClientAbortException") || name.equals("EofException")) {
                return SkipReasons.CLIENT_ABORTED;
            }
        }
        return SkipReasons.BODY_UNREADABLE;
    }
}
