package co.interakt.capture.benchmarks;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The loopback Interakt the load and memory runs deliver to, as its own process:
 * {@code BenchSandbox <port> [--hang]}. With {@code --hang} it reads each request and never
 * answers (an Interakt that hangs), so the agent's queue fills. When stopped it prints what it
 * received, which the scripts put next to the numbers.
 */
public final class BenchSandbox {
    static final String APP_ID = "bench-app";
    static final String API_KEY = "bench-key";

    private BenchSandbox() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        boolean hang = args.length > 1 && args[1].equals("--hang");
        InteraktSandbox sandbox = new InteraktSandbox(APP_ID, API_KEY).start(new InetSocketAddress("127.0.0.1", port), null);
        sandbox.hang(hang);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.printf("sandbox: received %d, accepted %d, hanging %d%n",
                    sandbox.receivedCount(), sandbox.acceptedCount(), sandbox.hangingCount());
            sandbox.close();
            stopped.countDown();
        }, "bench-sandbox-shutdown"));
        System.out.println("sandbox " + sandbox.baseUrl() + (hang ? " (hanging)" : ""));
        stopped.await();
    }
}
