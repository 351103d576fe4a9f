package co.interakt.capture.agent;

/**
 * The servlet layer as the agent sees it: JDK types only, so the agent's own class loader can call
 * an implementation compiled against a servlet API it cannot see. One implementation per
 * {@link ServletNamespace}, defined next to that API by a {@link BridgeClassLoader}.
 */
public interface ServletHook {

    /** The capture of this request, or {@code null} when it matches no rule or is already handled. */
    ActiveCapture begin(Object request, Object response);

    /** One request being captured. */
    interface ActiveCapture {
        /** The caching wrapper the application must read instead of the original request. */
        Object request();

        /** The application answered ({@code thrown == null}) or threw. */
        void end(Throwable thrown);
    }
}
