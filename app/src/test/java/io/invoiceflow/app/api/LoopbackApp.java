package io.invoiceflow.app.api;

import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The whole app and the mail server it talks to, both on loopback, for the end-to-end tests of one class
 * ({@code @RegisterExtension static final}). Before the class's tests it starts the mail server, then the app:
 * HTTP on a free port, data in a fresh temporary folder, the class's operator token, two partitions a topic, and
 * the class's settings. After them it stops the app, then the mail server, and deletes the folder.
 *
 * @param <M> the mail server
 */
public final class LoopbackApp<M extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
    private final String operatorToken;
    private final Callable<M> mailServer;
    private final Function<M, Map<String, String>> settings;
    private Path dataDir;
    private M mail;
    private Invoiceflow app;
    private ApiClient api;

    private LoopbackApp(String operatorToken, Callable<M> mailServer, Function<M, Map<String, String>> settings) {
        this.operatorToken = operatorToken;
        this.mailServer = mailServer;
        this.settings = settings;
    }

    /**
     * An app run by {@code operatorToken}, with {@code mailServer} (started by the call) and the {@code settings}
     * (environment variables) that the mail server gives, on top of the loopback ones.
     */
    public static <M extends AutoCloseable> LoopbackApp<M> with(String operatorToken, Callable<M> mailServer,
                                                                 Function<M, Map<String, String>> settings) {
        return new LoopbackApp<>(operatorToken, mailServer, settings);
    }

    /** The settings that make the app's system sender send through an SMTP server on {@code smtpPort} of loopback, in clear. */
    public static Map<String, String> systemSender(int smtpPort) {
        return Map.of("INVOICEFLOW_SMTP_HOST", "127.0.0.1",
                "INVOICEFLOW_SMTP_PORT", String.valueOf(smtpPort),
                "INVOICEFLOW_SMTP_FROM", "Invoiceflow <noreply@invoiceflow.example>",
                "INVOICEFLOW_SMTP_ENCRYPTION", "NONE");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("invoiceflow-loopback-");
        mail = mailServer.call();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("INVOICEFLOW_DATA_DIR", dataDir.toString());
        env.put("INVOICEFLOW_ADMIN_TOKEN", operatorToken);
        env.put("INVOICEFLOW_TOPIC_PARTITIONS", "2");
        env.putAll(settings.apply(mail));
        app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC());
        api = new ApiClient(app.port());
    }

    /** Runs also when {@link #beforeAll} failed half-way: stops what did start. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            try {
                if (mail != null) {
                    mail.close();
                }
            } finally {
                if (dataDir != null) {
                    delete(dataDir);
                }
            }
        }
    }

    /** The running app. */
    public Invoiceflow invoiceflow() {
        return app;
    }

    /** A client of the app's HTTP API. */
    public ApiClient api() {
        return api;
    }

    public M mail() {
        return mail;
    }

    /** The app's data folder ({@code INVOICEFLOW_DATA_DIR}). */
    public Path dataDir() {
        return dataDir;
    }

    private static void delete(Path folder) throws IOException {
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(folder)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.delete(path);
        }
    }
}
