package co.interakt.capture.delivery;

import co.interakt.capture.config.SpoolSettings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A sender with the spool in its own JVM, for {@link SpoolCrashIT}; reports on stdout.
 * Arguments: {@code mode baseUrl spoolDir count}.
 * <ul>
 *   <li>{@code submit}: submits payloads 0..count-1, prints {@code READY} once every submit has
 *       returned, then waits to be killed;</li>
 *   <li>{@code deliver}: waits until the spool is empty, closes, prints {@code DONE <sent>};</li>
 *   <li>{@code hold}: prints {@code READY spool} or {@code READY memory}, then runs until stdin closes.</li>
 * </ul>
 */
public final class SpoolChild {
    private SpoolChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        InteraktSender sender = InteraktSender.start(TestSettings.to(args[1])
                .spool(SpoolSettings.in(Path.of(args[2]))).build(), 2);
        switch (mode) {
            case "submit" -> submit(sender, Integer.parseInt(args[3]));
            case "deliver" -> deliver(sender);
            case "hold" -> hold(sender);
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void submit(InteraktSender sender, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            if (!sender.submit(SpoolDeliveryTest.payload(i))) {
                System.out.println("DROPPED " + i);
                System.exit(2);
            }
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void deliver(InteraktSender sender) throws InterruptedException {
        SpoolDeliveryTest.await(() -> sender.spoolStatus().orElseThrow().outstanding() == 0,
                () -> "spool never emptied: " + sender.spoolStatus());
        CloseReport report = sender.shutdown();
        System.out.println("DONE " + sender.metrics().sent() + " " + report);
        System.out.flush();
    }

    private static void hold(InteraktSender sender) throws IOException {
        System.out.println(sender.spoolStatus().isPresent() ? "READY spool" : "READY memory");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our stdin
        }
        sender.close();
    }
}
