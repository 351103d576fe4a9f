package co.interakt.capture.filter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link InteraktCaptureFilter} in every web application that has this jar in
 * {@code WEB-INF/lib}, so no {@code web.xml} edit is needed.
 *
 * <p>Why an initializer rather than a {@code web-fragment.xml}:
 * <ul>
 *   <li>Fragments are ignored when the application's {@code web.xml} says
 *       {@code metadata-complete="true"}, which many older applications do; initializers are
 *       discovered regardless of {@code metadata-complete} (Servlet spec 8.2.4, SERVLET_SPEC-36).
 *       Like fragments, they are skipped for a jar left out of an {@code <absolute-ordering>}.</li>
 *   <li>Filter mappings from fragments are merged after the application's own, so the filter would
 *       run inside the application's filters (a security filter could consume the body first).
 *       Here the mapping is added with {@code isMatchAfter=false}: before the declared ones.</li>
 *   <li>Code can decide: skip when the application already declares the filter, and honour the
 *       {@code interakt.filter.auto-register=false} opt-out.</li>
 * </ul>
 * Registration problems are logged, never thrown: a dropped-in jar must not stop a deployment.
 */
public final class InteraktCaptureInitializer implements ServletContainerInitializer {
    static final String FILTER_NAME = "interakt-capture";

    private static final System.Logger LOG = System.getLogger(InteraktCaptureInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        try {
            if (!AutoRegistration.enabled(context)) {
                LOG.log(Level.DEBUG, "Interakt capture: auto-registration is off in ''{0}''", context.getContextPath());
                return;
            }
            if (declaresCaptureFilter(context)) {
                LOG.log(Level.DEBUG, "Interakt capture: ''{0}'' declares the filter itself, not registering it again",
                        context.getContextPath());
                return;
            }
            FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, InteraktCaptureFilter.autoRegistered());
            if (registration == null) {
                LOG.log(Level.WARNING, "Interakt capture: a filter named ''{0}'' already exists in ''{1}''; not auto-registering",
                        FILTER_NAME, context.getContextPath());
                return;
            }
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "Interakt capture: auto-registration failed in '" + context.getContextPath()
                    + "'; the application runs without capture: " + e, e);
        }
    }

    /** True when web.xml, an annotation or an earlier registration already installed our filter class. */
    static boolean declaresCaptureFilter(ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (InteraktCaptureFilter.class.getName().equals(registration.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
