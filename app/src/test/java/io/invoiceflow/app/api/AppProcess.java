package io.invoiceflow.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Invoiceflow in its own JVM ({@code io.invoiceflow.app.Main} on the test class path), for tests that
 * kill it for real: {@link #kill()} is SIGKILL, no shutdown hook runs, as when a machine loses power.
 * The embedded broker and event store live in the data directory, so a new process on the same
 * directory restarts where the killed one stopped. Output goes to {@code <dataDir>/process-N.log}.
 */
final class AppProcess implements AutoCloseable {
    // a restart after SIGKILL waits out the dead consumers' sessions and restores the streams' state; slow on a loaded machine
    private static final Duration READY = Duration.ofSeconds(300);
    private static int starts;

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app on {@code dataDir} with {@code env} (plus a free {@code PORT}) and waits until it is ready. */
    static AppProcess start(Path dataDir, Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-process-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.invoiceflow.app.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("INVOICEFLOW_DATA_DIR", dataDir.toString());
        AppProcess app = new AppProcess(builder.start(), port, log);
        app.awaitReady();
        return app;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** SIGKILL: the process dies on the spot, mid-write if it was writing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app process did not die");
        }
    }

    /** SIGTERM: the shutdown hook stops everything cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app process exited with " + process.exitValue() + ": "
                        + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app was not ready after " + READY + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
