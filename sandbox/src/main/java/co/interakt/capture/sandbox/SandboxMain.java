package co.interakt.capture.sandbox;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox until the process is stopped: {@code java -cp ... SandboxMain [port]}.
 *
 * <p>Port: first argument, else {@code INTERAKT_SANDBOX_PORT}, else {@value #DEFAULT_PORT} (0 = any
 * free port). Host: {@code INTERAKT_SANDBOX_HOST}, default {@code 127.0.0.1}. Credentials it
 * accepts: {@code INTERAKT_SANDBOX_APP_ID} / {@code INTERAKT_SANDBOX_API_KEY}, default
 * {@code demo-app} / {@code demo-key}. Prints its URLs on stdout (an application entry point,
 * so stdout is its interface), the first line being the API base for scripts to read.
 */
public final class SandboxMain {
    public static final int DEFAULT_PORT = 8099;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : env("INTERAKT_SANDBOX_PORT", String.valueOf(DEFAULT_PORT)));
        String host = env("INTERAKT_SANDBOX_HOST", "127.0.0.1");
        String appId = env("INTERAKT_SANDBOX_APP_ID", InteraktSandbox.DEFAULT_APP_ID);
        String apiKey = env("INTERAKT_SANDBOX_API_KEY", InteraktSandbox.DEFAULT_API_KEY);

        InteraktSandbox sandbox = new InteraktSandbox(appId, apiKey).start(new InetSocketAddress(host, port), null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "interakt-sandbox-shutdown"));

        System.out.println("Interakt sandbox API  " + sandbox.baseUrl());
        System.out.println("Interakt sandbox page " + sandbox.pageUrl());
        System.out.println("Accepting app id '" + appId + "' (api key from INTERAKT_SANDBOX_API_KEY or the default)");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
