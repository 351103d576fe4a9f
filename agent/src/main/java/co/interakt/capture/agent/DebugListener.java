package co.interakt.capture.agent;

import java.lang.System.Logger.Level;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Reports what the instrumentation did at debug level only: a class that cannot be instrumented
 * (an unresolvable super type, say) is simply left as it is, and is no news for the application's log.
 */
final class DebugListener extends AgentBuilder.Listener.Adapter {
    private static final System.Logger LOG = System.getLogger(DebugListener.class.getName());

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
        LOG.log(Level.DEBUG, "Interakt capture: instrumented {0}", type.getName());
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        LOG.log(Level.DEBUG, () -> "Interakt capture: could not instrument " + typeName + ": " + error, error);
    }
}
