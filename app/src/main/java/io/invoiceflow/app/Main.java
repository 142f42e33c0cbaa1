package io.invoiceflow.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar app/target/invoiceflow.jar}: runs Invoiceflow until interrupted. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Invoiceflow app = Invoiceflow.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "invoiceflow-shutdown"));
        stopped.await();
    }
}
