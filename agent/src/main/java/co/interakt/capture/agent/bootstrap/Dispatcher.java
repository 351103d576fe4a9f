package co.interakt.capture.agent.bootstrap;

/**
 * The one class the woven filters and servlets call (see ServletMethodWeaver). The agent jar is on
 * the system class path, so code woven into a class of any loader that delegates to the system
 * loader (a webapp, Spring Boot's nested-jar loader, a flat class path) resolves it; for other
 * loaders a copy goes onto the bootstrap class path (BootstrapFallback). That is why it uses JDK
 * types only and holds no other agent class.
 *
 * <p>A per-thread call depth makes only the outermost {@code Filter.doFilter} or
 * {@code Servlet.service} of a request do any work, however many filters and servlets the request
 * passes through. Nothing here throws.
 */
public final class Dispatcher {

    /** What the agent plugs in; JDK types only, as the woven code and this class see no other. */
    public interface Delegate {
        /** Starts capturing this request: an opaque handle, or {@code null} to leave it alone. */
        Object begin(Object request, Object response);

        /** The request the application must get instead of the original one. */
        Object request(Object handle);

        /** The outermost call returned ({@code thrown == null}) or threw. */
        void end(Object handle, Throwable thrown);
    }

    /** Per thread: how deep in filters/servlets, and the capture the outermost call started. */
    private static final class Frame {
        int depth;
        Object handle;
        Delegate delegate;
    }

    private static final ThreadLocal<Frame> FRAMES = ThreadLocal.withInitial(Frame::new);

    private static volatile Delegate delegate;

    private Dispatcher() {
    }

    /** Set once by the agent when capture starts; {@code null} switches capture off. */
    public static void install(Delegate newDelegate) {
        delegate = newDelegate;
    }

    /**
     * On entry to a filter or servlet: the request to continue with, the caching wrapper when this
     * request is captured, else {@code request} itself. The woven code casts the answer to the
     * method's request type: only a wrapper of this very request object is ever swapped in.
     */
    public static Object enter(Object request, Object response) {
        Frame frame = FRAMES.get();
        if (frame.depth++ != 0) {
            return request;
        }
        Delegate current = delegate;
        if (current == null) {
            return request;
        }
        try {
            Object handle = current.begin(request, response);
            if (handle == null) {
                return request;
            }
            Object replacement = current.request(handle);
            frame.handle = handle;
            frame.delegate = current;
            return replacement == null ? request : replacement;
        } catch (Throwable t) {
            return request;
        }
    }

    /** On exit (normal or exceptional) from the same filter or servlet. */
    public static void exit(Throwable thrown) {
        Frame frame = FRAMES.get();
        if (frame.depth == 0 || --frame.depth != 0 || frame.handle == null) {
            return;
        }
        Object handle = frame.handle;
        Delegate owner = frame.delegate;
        // Cleared first: the thread goes back to the pool holding nothing of this request.
        frame.handle = null;
        frame.delegate = null;
        try {
            owner.end(handle, thrown);
        } catch (Throwable t) {
            // The delegate logs its own failures; the request has already been answered.
        }
    }

    /** The current thread's depth; for tests. */
    static int depth() {
        return FRAMES.get().depth;
    }
}
