package co.interakt.capture.spring;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.ConfigException;
import co.interakt.capture.config.ConfigLoader;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.lang.System.Logger.Level;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Registers the capture filter in a servlet web application: for {@code /*}, REQUEST dispatches,
 * async supported, ahead of the application's filters. Not in a reactive or non-web application,
 * not with {@code interakt.enabled=false}, and not when the {@code -javaagent} already captures in
 * this JVM (one INFO line says so).
 *
 * <p>Configuration: Spring's {@code Environment} first, then the layers every other way in reads
 * ({@code interakt.*} system properties, {@code INTERAKT_*} environment variables, the file named by
 * {@code interakt.config-file}), then the built-in defaults. An invalid value fails the start with
 * a {@link ConfigFailureAnalyzer} report naming the key, where it was set and the fix.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, FilterRegistrationBean.class})
@Conditional(CaptureConditions.NotDisabled.class)
public class InteraktCaptureAutoConfiguration {
    /**
     * Right after Boot's character-encoding (HIGHEST_PRECEDENCE) and observation filters, before
     * the form-content, request-context and security filters and every filter of the application:
     * the capture must see the body before anything else reads it.
     */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final String FILTER_NAME = "interaktCaptureFilter";

    @Configuration(proxyBeanMethods = false)
    @Conditional(CaptureConditions.AgentNotRunning.class)
    static class CaptureConfiguration {

        @Bean
        @ConditionalOnMissingBean
        InteraktCapture interaktCapture(Environment environment) {
            return new InteraktCapture(load(environment));
        }

        @Bean
        FilterRegistrationBean<CaptureFilter> interaktCaptureFilterRegistration(InteraktCapture capture) {
            FilterRegistrationBean<CaptureFilter> registration = new FilterRegistrationBean<>(new CaptureFilter(capture));
            registration.setName(FILTER_NAME);
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            registration.setAsyncSupported(true);
            registration.setOrder(FILTER_ORDER);
            registration.setEnabled(capture.active());
            return registration;
        }

        /** Spring's settings above our own layers; throws {@code ConfigException} on a bad value. */
        static CaptureConfig load(Environment environment) {
            EnvironmentSettings spring = EnvironmentSettings.from(environment);
            try {
                return new ConfigLoader()
                        .environment(System.getenv())
                        .systemProperties(System.getProperties())
                        .overrides(spring.values(), spring::originOf)
                        .load();
            } catch (ConfigException e) {
                throw new InvalidSettingException(e, spring.originOf(e.key()));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(CaptureConditions.AgentRunning.class)
    static class AgentConfiguration {
        @Bean
        AgentNotice interaktAgentNotice() {
            return new AgentNotice();
        }
    }

    /** Says, once per context, why the starter stays out of the way. */
    static final class AgentNotice {
        private static final System.Logger LOG = System.getLogger(InteraktCaptureAutoConfiguration.class.getName());

        AgentNotice() {
            LOG.log(Level.INFO, "Interakt capture: the -javaagent captures in this JVM ({0}={1}); the starter registers "
                    + "no filter of its own, so each signup is captured once (configure the agent, not the Spring properties)",
                    AgentDetection.AGENT_RUNNING_PROPERTY, System.getProperty(AgentDetection.AGENT_RUNNING_PROPERTY));
        }
    }
}
