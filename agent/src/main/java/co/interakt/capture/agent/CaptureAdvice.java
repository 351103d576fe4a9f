package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code Filter.doFilter(request, response, chain)} and
 * {@code Servlet.service(request, response)}: both take the request first and the response second,
 * so one advice serves both. Its code is copied into classes of any class loader, so it names JDK
 * types and the bootstrap {@link Dispatcher} only; an exception in it never reaches the application.
 */
final class CaptureAdvice {
    private CaptureAdvice() {
    }

    /**
     * Swaps the request argument for the caching wrapper when this request is captured; a
     * {@code null} from the dispatcher leaves it alone. Assigned in place ({@code readOnly = false})
     * rather than with {@code @AssignReturned}: inlined advice allows it, and Byte Buddy then loads
     * none of the assign-returned machinery at start-up.
     */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request,
            @Advice.Argument(1) Object response) {
        Object wrapped = Dispatcher.enter(request, response);
        if (wrapped != null) {
            request = wrapped;
        }
    }

    /** Runs however the method ends, so the call depth always unwinds. */
    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Thrown Throwable thrown) {
        Dispatcher.exit(thrown);
    }
}
