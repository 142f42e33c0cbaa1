package io.invoiceflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distribution list through the whole app (docs/benchmarks/distribution-list.md): a file of
 * {@code --rows} rows imported (validate-only, first import, the same file again, a replacing import that
 * changes, adds and leaves out a tenth each), then the list grown to {@code --list-size} entries by imports of
 * {@code --rows} rows, validated against, exported, its export imported back whole (replace), searched and
 * paged through. Each step is timed from the client (wall clock) with this JVM's
 * CPU time (app, embedded broker, read side and client together) and the load average around it.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -Xmx2g -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.DistributionImportBenchmark
 *      [--rows 10000] [--list-size 100000] [--database-url jdbc:postgresql://host/db?user=..&password=..]
 * </pre>
 * Without {@code --database-url} the app runs on its embedded H2 file store in a temporary directory.
 */
public final class DistributionImportBenchmark {
    private static final String ADMIN_TOKEN = "ifa_bench-distribution-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> lines = new ArrayList<>();
    private String base;
    private String key;

    private record Step(String name, int rows, double seconds, double cpuSeconds, double postgresSeconds,
                        double load1, String result) {
    }

    private Postgres pg;

    public static void main(String[] args) throws Exception {
        int rows = 10_000;
        int listSize = 100_000;
        String databaseUrl = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--list-size" -> listSize = Integer.parseInt(args[i + 1]);
                case "--database-url" -> databaseUrl = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new DistributionImportBenchmark().run(rows, listSize, databaseUrl);
    }

    private void run(int rows, int listSize, String databaseUrl) throws Exception {
        try (WorkDir work = WorkDir.create("distribution-bench")) {
            run(rows, listSize, databaseUrl, work.path());
        }
    }

    private void run(int rows, int listSize, String databaseUrl, Path dir) throws Exception {
        pg = databaseUrl == null ? null : new Postgres(databaseUrl);
        String schema = pg == null ? null : pg.createSchema();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("INVOICEFLOW_DATA_DIR", dir.toString());
        env.put("INVOICEFLOW_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("INVOICEFLOW_NODE_ID", "bench");
        if (pg != null) {
            env.put("DATABASE_URL", pg.url(schema));
            if (pg.user() != null) {
                env.put("DATABASE_USER", pg.user());
            }
            if (pg.password() != null) {
                env.put("DATABASE_PASSWORD", pg.password());
            }
        }
        say("# Distribution list benchmark: %d-row files, list grown to %d, %s, %d CPUs (%s), load %.2f",
                rows, listSize, pg == null ? "embedded H2" : "PostgreSQL", Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), Machine.loadAverage()[0]);
        try (Invoiceflow app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.port() + "/api/v1";
            String tenant = tenant();
            List<Step> steps = new ArrayList<>();
            String file = file(0, rows, "a");
            steps.add(importing("validate-only, all new", tenant, "?validateOnly=true", file, rows));
            steps.add(importing("import, all new", tenant, "", file, rows));
            steps.add(importing("same file again", tenant, "", file, rows));
            steps.add(importing("replace: 10 % changed, 10 % new, 10 % left out", tenant, "?mode=replace",
                    replacement(rows), rows));
            List<Step> grown = new ArrayList<>();
            for (int from = rows + rows / 10; count(tenant) < listSize; from += rows) {
                int chunk = Math.min(rows, listSize - count(tenant));
                grown.add(importing("grow", tenant, "", file(from, chunk, "g"), chunk));
            }
            int size = count(tenant);
            steps.add(new Step("grow to " + size + " entries (" + grown.size() + " imports, totals)",
                    grown.stream().mapToInt(Step::rows).sum(), grown.stream().mapToDouble(Step::seconds).sum(),
                    grown.stream().mapToDouble(Step::cpuSeconds).sum(), grown.stream().mapToDouble(Step::postgresSeconds).sum(),
                    Machine.loadAverage()[0], "slowest " + String.format(Locale.ROOT, "%.1f s",
                            grown.stream().mapToDouble(Step::seconds).max().orElse(0))));
            steps.add(importing("validate-only against " + size + " entries", tenant, "?validateOnly=true", file, rows));
            steps.add(timed("export " + size + " entries", size, () -> {
                HttpResponse<byte[]> export = http.send(get(tenant, "/distribution-list/export"),
                        HttpResponse.BodyHandlers.ofByteArray());
                return export.body().length + " bytes";
            }));
            byte[] exported = http.send(get(tenant, "/distribution-list/export"), HttpResponse.BodyHandlers.ofByteArray()).body();
            steps.add(importing("the export of " + size + " entries imported back (replace)", tenant, "?mode=replace",
                    new String(exported, StandardCharsets.UTF_8), size));
            steps.add(timed("search 'a1234' in " + size + " entries, 20 times", 20, () -> {
                int found = 0;
                for (int i = 0; i < 20; i++) {
                    found = JSON.readTree(http.send(get(tenant, "/distribution-list?q=a1234&limit=100"),
                            HttpResponse.BodyHandlers.ofString()).body()).path("items").size();
                }
                return found + " found";
            }));
            steps.add(timed("page through " + size + " entries by 500", size, () -> {
                int pages = 0;
                String after = "";
                do {
                    JsonNode page = JSON.readTree(http.send(get(tenant, "/distribution-list?limit=500"
                            + (after.isEmpty() ? "" : "&after=" + after)), HttpResponse.BodyHandlers.ofString()).body());
                    after = page.path("next").isNull() ? null : page.path("next").asText();
                    pages++;
                } while (after != null);
                return pages + " pages";
            }));
            say("");
            say("| step | rows | wall s | rows/s | JVM CPU s | PostgreSQL CPU s | CPU ms per 1000 rows | load1 | result |");
            say("|---|---|---|---|---|---|---|---|---|");
            for (Step s : steps) {
                say("| %s | %d | %.2f | %.0f | %.2f | %.2f | %.0f | %.2f | %s |", s.name(), s.rows(), s.seconds(),
                        s.rows() / s.seconds(), s.cpuSeconds(), s.postgresSeconds(),
                        (s.cpuSeconds() + s.postgresSeconds()) * 1e6 / s.rows(), s.load1(), s.result());
            }
        } finally {
            if (pg != null) {
                pg.dropSchema(schema);
            }
        }
        Files.write(Path.of("distribution-bench.md"), lines, StandardCharsets.UTF_8);
    }

    private String tenant() throws IOException, InterruptedException {
        JsonNode tenant = JSON.readTree(send(post("/tenants", ADMIN_TOKEN, "application/json", SampleData.tenantJson(1)), 201));
        String id = tenant.path("tenantId").asText();
        JsonNode user = JSON.readTree(send(post("/tenants/" + id + "/users", ADMIN_TOKEN, "application/json",
                SampleData.userJson(1)), 201));
        key = user.path("apiKey").asText();
        return id;
    }

    /** Rows {@code from} .. {@code from + rows - 1}: customer numbers {@code N<i>}, addresses {@code <prefix><i>@...}. */
    private static String file(int from, int rows, String prefix) {
        StringBuilder sb = new StringBuilder("customer_number;email\r\n");
        for (int i = from; i < from + rows; i++) {
            sb.append('N').append(i).append(';').append(prefix).append(i).append("@kunde-").append(i % 97)
                    .append(".example\r\n");
        }
        return sb.toString();
    }

    /** The first file with its first tenth changed, its last tenth left out and a tenth of new rows. */
    private static String replacement(int rows) {
        StringBuilder sb = new StringBuilder("customer_number;email\r\n");
        int tenth = rows / 10;
        for (int i = 0; i < rows - tenth; i++) {
            sb.append('N').append(i).append(';').append(i < tenth ? "b" : "a").append(i).append("@kunde-")
                    .append(i % 97).append(".example\r\n");
        }
        for (int i = rows; i < rows + tenth; i++) {
            sb.append('N').append(i).append(";a").append(i).append("@kunde-").append(i % 97).append(".example\r\n");
        }
        return sb.toString();
    }

    private int count(String tenant) throws IOException, InterruptedException {
        int count = 0;
        String after = null;
        do {
            JsonNode page = JSON.readTree(http.send(get(tenant, "/distribution-list?limit=500"
                    + (after == null ? "" : "&after=" + after)), HttpResponse.BodyHandlers.ofString()).body());
            count += page.path("items").size();
            after = page.path("next").isNull() ? null : page.path("next").asText();
        } while (after != null);
        return count;
    }

    private Step importing(String name, String tenant, String query, String file, int rows) throws Exception {
        return timed(name, rows, () -> {
            JsonNode r = JSON.readTree(send(post("/tenants/" + tenant + "/distribution-list/import" + query, key,
                    "text/csv", file), 200));
            return String.format(Locale.ROOT, "%d added, %d changed, %d unchanged, %d rejected, %d removed",
                    r.path("added").asInt(), r.path("changed").asInt(), r.path("unchanged").asInt(),
                    r.path("rejected").asInt(), r.path("removed").asInt());
        });
    }

    @FunctionalInterface
    private interface Work {
        String run() throws Exception;
    }

    /** Runs {@code work}, timing it; prints the threads that used the most CPU meanwhile. */
    private Step timed(String name, int rows, Work work) throws Exception {
        Machine.Snapshot before = Machine.take(pg);
        String result = work.run();
        Machine.Window window = Machine.Window.between(before, Machine.take(pg));
        Step step = new Step(name, rows, window.wallSeconds(), window.jvmCpuSeconds(), window.postgresCpuSeconds(),
                window.load1End(), result);
        say("%s: %.2f s, %s; CPU s by thread: %s, JVM internal %.2f", name, step.seconds(), result,
                window.topGroups(6).entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                        .toList(), window.jvmInternalSeconds());
        return step;
    }

    private HttpRequest get(String tenant, String path) {
        return HttpRequest.newBuilder(URI.create(base + "/tenants/" + tenant + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + key).GET().build();
    }

    private HttpRequest post(String path, String token, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private String send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IOException(request.uri() + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        lines.add(line);
    }
}
