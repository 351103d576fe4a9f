package co.interakt.capture.spring;

import static org.assertj.core.api.Assertions.assertThat;

import co.interakt.capture.sandbox.InteraktSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The starter's capture, meters, endpoint, health and lifecycle against the real sandbox: requests
 * go through the registered filter (Spring's mock servlet objects stand in for the container; the
 * Boot ITs use real Tomcat), payloads over real HTTP.
 */
class CaptureRuntimeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private InteraktSandbox sandbox;
    private WebApplicationContextRunner app;

    @BeforeEach
    void startSandbox() {
        sandbox = new InteraktSandbox().start(0);
        app = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InteraktCaptureAutoConfiguration.class, InteraktMetricsAutoConfiguration.class,
                        InteraktEndpointAutoConfiguration.class, InteraktHealthAutoConfiguration.class))
                .withPropertyValues("interakt.base-url=" + sandbox.baseUrl(), "interakt.app-id=" + InteraktSandbox.DEFAULT_APP_ID,
                        "interakt.api-key=" + InteraktSandbox.DEFAULT_API_KEY, "interakt.retry.max-attempts=1",
                        "interakt.shutdown-grace=2s");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void capturesThroughTheFilterCountsInMetersEndpointAndHealthAndLeavesNothingBehind() throws Exception {
        app.run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(MeterBinder.class).bindTo(registry);
            assertThat(registry.find(CaptureMeters.SIGNUPS).tag("reason", "missing-email").functionCounter())
                    .as("declared skip reasons have meters from the start").isNotNull();

            post(context, "/signup", "application/json", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
            post(context, "/about", "application/json", "{\"email\":\"not-a-signup@example.com\"}");
            post(context, "/signup", "application/json", "{\"name\":\"No Email\"}");
            assertThat(sandbox.awaitAccepted(1, WAIT)).isTrue();
            await(() -> counter(registry, CaptureMeters.DELIVERY, "outcome", "sent") == 1);

            assertThat(sandbox.received()).extracting(r -> r.email()).containsExactly("ada@example.com");
            assertThat(counter(registry, CaptureMeters.SIGNUPS, "result", "captured")).isEqualTo(1);
            assertThat(registry.get(CaptureMeters.SIGNUPS).tag("result", "skipped").tag("reason", "missing-email").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("interakt.delivery.queue.depth").gauge().value()).isZero();
            assertThat(registry.get("interakt.delivery.spool.size").gauge().value()).isZero();

            Map<String, Object> endpoint = context.getBean(InteraktEndpoint.class).interakt();
            assertThat(endpoint.toString()).contains("signup", "/signup", "members", "captured=1", "sent=1", "127.0.0.1")
                    .doesNotContain(InteraktSandbox.DEFAULT_API_KEY);

            Health health = ((HealthIndicator) context.getBean("interaktHealthIndicator")).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");

            await(() -> !senderMBeans().isEmpty());
            assertThat(senderThreads()).isNotEmpty();
        });
        assertThat(senderThreads()).as("threads after context close").isEmpty();
        assertThat(senderMBeans()).as("MBeans after context close").isEmpty();
    }

    @Test
    void refusedCredentialsShowAsDegradedHealthNotDown() {
        app.withPropertyValues("interakt.api-key=wrong").run(context -> {
            post(context, "/signup", "application/x-www-form-urlencoded", "email=grace%40example.com&name=Grace");
            assertThat(sandbox.awaitReceived(1, WAIT)).isTrue();
            HealthIndicator indicator = (HealthIndicator) context.getBean("interaktHealthIndicator");
            await(() -> indicator.health().getStatus().getCode().equals(DeliveryHealth.DEGRADED));
            Health health = indicator.health();
            assertThat(health.getDetails().get("problem").toString()).contains("401", "interakt.api-key");
            assertThat(health.getDetails().toString()).doesNotContain("wrong");
        });
    }

    @Test
    void aFillingQueueShowsAsDegradedHealth() {
        sandbox.hang(true); // Interakt stops answering: the two workers wait, the rest queues
        app.withPropertyValues("interakt.queue-capacity=5", "interakt.timeout.response=30s", "interakt.timeout.total=30s",
                "interakt.shutdown-grace=0s").run(context -> {
            HealthIndicator indicator = (HealthIndicator) context.getBean("interaktHealthIndicator");
            for (int i = 0; i < 4; i++) {
                post(context, "/signup", "application/json", "{\"email\":\"q" + i + "@example.com\"}");
            }
            assertThat(sandbox.awaitHanging(2, WAIT)).isTrue();
            Health health = indicator.health();
            assertThat(health.getStatus().getCode()).isEqualTo(DeliveryHealth.DEGRADED);
            assertThat(health.getDetails().get("problem").toString()).contains("80% full");
            sandbox.hang(false);
        });
    }

    @Test
    void dryRunIsUpAndCountsWhatItLogged() {
        app.withPropertyValues("interakt.dry-run=true").run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(MeterBinder.class).bindTo(registry);
            post(context, "/signup", "application/json", "{\"email\":\"dry@example.com\"}");
            assertThat(counter(registry, CaptureMeters.DELIVERY, "outcome", "dry-run")).isEqualTo(1);
            assertThat(((HealthIndicator) context.getBean("interaktHealthIndicator")).health().getStatus().getCode()).isEqualTo("UP");
            assertThat(sandbox.receivedCount()).isZero();
        });
    }

    private static void post(AssertableWebApplicationContext context, String path, String contentType, String body) throws Exception {
        Filter filter = context.getBean(FilterRegistrationBean.class).getFilter();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                req.getInputStream().readAllBytes(); // the application reads its body, as a controller would
                resp.setStatus(201);
            }
        }));
    }

    private static double counter(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).functionCounter().count();
    }

    private static Set<ObjectName> senderMBeans() {
        try {
            return ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("co.interakt.capture:type=Sender,*"), null);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<String> senderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("interakt-capture")).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
