package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

/** The one-time build of the HTTP client, and how it meets close(). */
class LazyHttpClientTest {

    @Test
    void buildsOnceOnFirstUse() throws IOException {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.lazy(() -> {
            builds.incrementAndGet();
            return HttpClients.createMinimal();
        });
        assertFalse(lazy.created());

        CloseableHttpClient first = lazy.get();

        assertSame(first, lazy.get());
        assertEquals(1, builds.get());
        assertTrue(lazy.created());
        lazy.close();
    }

    @Test
    void aFailedBuildIsAnIOExceptionAndTheNextUseTriesAgain() throws IOException {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.lazy(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("no TLS today");
            }
            return HttpClients.createMinimal();
        });

        IOException e = assertThrows(IOException.class, lazy::get);
        assertTrue(e.getMessage().contains("no TLS today"), e.getMessage());
        assertFalse(lazy.created());

        lazy.get();
        assertEquals(2, builds.get());
        lazy.close();
    }

    @Test
    void closedBeforeFirstUseNeverBuilds() {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.lazy(() -> {
            builds.incrementAndGet();
            return HttpClients.createMinimal();
        });

        lazy.close();

        assertThrows(IOException.class, lazy::get);
        assertEquals(0, builds.get());
        assertFalse(lazy.created());
    }

    @Test
    void aClientBuiltWhileCloseWaitsIsClosedByIt() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0)) {
            CountDownLatch building = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            LazyHttpClient lazy = LazyHttpClient.lazy(() -> {
                building.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return HttpClients.createMinimal();
            });
            AtomicReference<CloseableHttpClient> built = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    built.set(lazy.get());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            worker.start();
            building.await(); // the worker holds the build lock
            Thread closer = new Thread(lazy::close);
            closer.start();
            finish.countDown();
            worker.join();
            closer.join();

            // Built before close took the lock, so close closed it: its pool refuses new requests.
            assertThrows(IllegalStateException.class,
                    () -> built.get().execute(new HttpGet(URI.create(sandbox.baseUrl())), response -> response.getCode()));
        }
    }

    @Test
    void withTheDefaultTlsNothingIsBuiltUpFront() {
        DeliverySettings plain = TestSettings.to("https://127.0.0.1:1/api/v1").build();
        try (InteraktHttp http = new InteraktHttp(plain, 1, null)) {
            assertFalse(http.clientCreated());
        }
    }
}
