package co.interakt.capture.spring;

import static org.assertj.core.api.Assertions.assertThat;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.ConfigException;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/** The conditions and the Spring side of the configuration, on real application contexts (Boot 3.5 here). */
class InteraktCaptureAutoConfigurationTest {
    private static final AutoConfigurations ALL = AutoConfigurations.of(InteraktCaptureAutoConfiguration.class,
            InteraktMetricsAutoConfiguration.class, InteraktEndpointAutoConfiguration.class, InteraktHealthAutoConfiguration.class);

    private final WebApplicationContextRunner servletApp = new WebApplicationContextRunner()
            .withConfiguration(ALL)
            .withPropertyValues("interakt.dry-run=true");

    @AfterEach
    void noAgent() {
        System.clearProperty(AgentDetection.AGENT_RUNNING_PROPERTY);
    }

    @Test
    void servletAppGetsTheFilterForEveryRequestAheadOfItsOwnFilters() {
        servletApp.run(context -> {
            assertThat(context).hasSingleBean(InteraktCapture.class);
            FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(CaptureFilter.class);
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.isAsyncSupported()).isTrue();
            assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
            assertThat(registration.getOrder()).isLessThan(-100) // Spring Security's filter chain
                    .isGreaterThan(Ordered.HIGHEST_PRECEDENCE); // Boot's character-encoding filter
            assertThat(registration.isEnabled()).isTrue();
            assertThat(context.getBean(InteraktCapture.class).isRunning()).isTrue();
        });
    }

    @Test
    void nonWebAndReactiveAppsGetNothing() {
        new ApplicationContextRunner().withConfiguration(ALL)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InteraktCapture.class)
                        .doesNotHaveBean(FilterRegistrationBean.class));
        new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InteraktCapture.class));
    }

    @Test
    void enabledFalseRegistersNothing() {
        servletApp.withPropertyValues("interakt.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InteraktCapture.class)
                        .doesNotHaveBean(FilterRegistrationBean.class).doesNotHaveBean(InteraktEndpoint.class));
        servletApp.withPropertyValues("interakt.enabled=FALSE ")
                .run(context -> assertThat(context).doesNotHaveBean(InteraktCapture.class));
    }

    @Test
    void misspeltEnabledFailsTheStartInsteadOfSilentlySwitchingOff() {
        servletApp.withPropertyValues("interakt.enabled=flase").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigException.class)
                    .hasMessageContaining("interakt.enabled");
        });
    }

    @Test
    void agentInTheJvmMeansNoFilterOfOurOwn() {
        System.setProperty(AgentDetection.AGENT_RUNNING_PROPERTY, "premain");
        servletApp.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(InteraktCapture.class)
                .doesNotHaveBean(FilterRegistrationBean.class)
                .hasSingleBean(InteraktCaptureAutoConfiguration.AgentNotice.class));
    }

    @Test
    void noAgentNoNotice() {
        servletApp.run(context -> assertThat(context).doesNotHaveBean(InteraktCaptureAutoConfiguration.AgentNotice.class));
    }

    @Test
    void listsAndRelaxedNamesBindAsEverywhereElse() {
        servletApp.withPropertyValues(
                        "interakt.rules[0]=signup", "interakt.rules[1]=newsletter",
                        "interakt.rule.signup.paths[0]=/join", "interakt.rule.signup.paths[1]=/api/**",
                        "interakt.rule.newsletter.paths=/subscribe",
                        "interakt.rule.newsletter.target=leads",
                        "interakt.appId=app-1",
                        "interakt.rule.signup.methods=POST,PUT")
                .run(context -> {
                    List<CaptureRule> rules = context.getBean(InteraktCapture.class).config().rules();
                    assertThat(rules).extracting(CaptureRule::name).containsExactly("signup", "newsletter");
                    assertThat(rules.get(0).paths()).extracting(Object::toString).containsExactly("/join", "/api/**");
                    assertThat(rules.get(0).methods()).containsExactlyInAnyOrder("POST", "PUT");
                    assertThat(rules.get(1).target().path()).isEqualTo("leads");
                    assertThat(context.getBean(InteraktCapture.class).config().delivery().appId()).isEqualTo("app-1");
                });
    }

    @Test
    void springSettingsWinOverSystemProperties() {
        System.setProperty("interakt.max-value-length", "10");
        try {
            servletApp.withPropertyValues("interakt.max-value-length=20")
                    .run(context -> assertThat(context.getBean(InteraktCapture.class).config().maxValueLength()).isEqualTo(20));
            servletApp.run(context -> assertThat(context.getBean(InteraktCapture.class).config().maxValueLength()).isEqualTo(10));
        } finally {
            System.clearProperty("interakt.max-value-length");
        }
    }

    @Test
    void invalidValueFailsWithAnAnalysisNamingKeyOriginAndFix() {
        servletApp.withPropertyValues("interakt.rule.signup.target=member").run(context -> {
            assertThat(context).hasFailed();
            ConfigException cause = findConfigException(context.getStartupFailure());
            FailureAnalysis analysis = new ConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("interakt.rule.signup.target", "'member'", "fix:", "Spring property");
            assertThat(analysis.getAction()).contains("interakt.rule.signup.target", "INTERAKT_RULE_SIGNUP_TARGET");
            assertThat(cause.key()).isEqualTo("interakt.rule.signup.target");
        });
    }

    @Test
    void unknownKeyInTheApplicationsPropertiesIsATypoThatStopsTheStart() {
        servletApp.withPropertyValues("interakt.app-idd=x").run(context -> {
            assertThat(context).hasFailed();
            assertThat(findConfigException(context.getStartupFailure()).getMessage())
                    .contains("interakt.app-idd", "unknown configuration key", "interakt.app-id");
        });
        servletApp.withPropertyValues("interakt.rule.checkout.paths=/buy").run(context -> {
            assertThat(context).hasFailed();
            assertThat(findConfigException(context.getStartupFailure()).getMessage())
                    .contains("rule 'checkout' is not listed in interakt.rules");
        });
    }

    @Test
    void apiKeyNeverInTheFailureText() {
        servletApp.withPropertyValues("interakt.api-key=s3cr3t-value", "interakt.app-id=a", "interakt.dry-run=maybe").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("interakt.dry-run").doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void disabledInOurOwnFileRegistersAnInactiveFilter(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("interakt.properties"), "interakt.enabled=false\n");
        servletApp.withPropertyValues("interakt.config-file=" + file).run(context -> {
            assertThat(context.getBean(InteraktCapture.class).active()).isFalse();
            assertThat(context.getBean(InteraktCapture.class).isRunning()).isFalse();
            assertThat(context.getBean(FilterRegistrationBean.class).isEnabled()).isFalse();
        });
    }

    @Test
    void springWinsOverOurOwnFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("interakt.properties"), "interakt.max-value-length=10\ninterakt.max-body-bytes=1000\n");
        servletApp.withPropertyValues("interakt.config-file=" + file, "interakt.max-value-length=20").run(context -> {
            assertThat(context.getBean(InteraktCapture.class).config().maxValueLength()).isEqualTo(20);
            assertThat(context.getBean(InteraktCapture.class).config().maxBodyBytes()).isEqualTo(1000);
        });
    }

    static ConfigException findConfigException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigException e) {
                return e;
            }
        }
        throw new AssertionError("no ConfigException in " + failure);
    }
}
