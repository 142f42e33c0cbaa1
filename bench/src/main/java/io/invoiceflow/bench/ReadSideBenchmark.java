package io.invoiceflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.events.customer.CustomerDetails;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.javalin.Javalin;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read side's benchmark (issue 3; results in docs/benchmarks/read-side.md). One run, one JVM
 * holding the app on embedded defaults (KRaft broker, H2), loaded with {@code --invoices} invoices of
 * one tenant through the real write side, then measured with wrk (a separate process) on loopback:
 * (c) a Javalin hello-world route in the same process, the ceiling; (a) GET one invoice by id, random
 * ids; (b) a filtered, sorted page of 50, random filters; each route is first driven for {@code --prime} seconds
 * unmeasured, so that no window pays the JIT for another. Then event-to-query visibility: invoices
 * created at {@code --rate} per second, open loop (one event each), the time from each event to its reflection
 * in the read models. The windows start once the JVM is idle ({@code --quiet-cores}, waiting at most
 * {@code --quiet-timeout} seconds for the distribution of the loaded invoices to finish: a PDF rendered and mailed
 * for each finalized one). Latency is measured a second time at {@code --latency-connections}, where requests do
 * not queue behind each other. CPU per request from the process's CPU time; "other activity" from /proc/stat.
 * The event store is the embedded H2 unless {@code --database-url} names an empty PostgreSQL database.
 */
public final class ReadSideBenchmark {
    private static final String OPERATOR = "ifa_read-side-benchmark-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILTERS = List.of(
            "filter=status%20eq%20FINALIZED&sort=-dueDate&limit=50",
            "filter=overdue&sort=dueDate&limit=50",
            "filter=status%20in%20(FINALIZED%2C%20PAID)%20and%20grossAmount%20ge%201000&sort=-grossAmount&limit=50",
            "filter=q%20contains%20%22bakeri%22&sort=number&limit=50",
            "filter=invoiceDate%20ge%20today-90%20and%20(status%20eq%20PAID%20or%20outstandingAmount%20gt%205000)&sort=-invoiceDate&limit=50",
            "sort=customerName&limit=50");

    private final Map<String, String> options;
    private final StringBuilder report = new StringBuilder();
    private final List<String> threadsByWindow = new ArrayList<>();

    private ReadSideBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("invoices", "100000", "seconds", "30",
                "warmup", "10", "connections", "16", "wrk-threads", "2", "rate", "200", "visibility-seconds", "30",
                "load-threads", "8", "quiet-cores", "0.15", "quiet-timeout", "3600"));
        options.put("prime", "30");
        options.put("latency-connections", "2");
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ReadSideBenchmark(options).run();
    }

    private int opt(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        try (WorkDir work = WorkDir.create("invoiceflow-read-bench")) {
            run(work.path());
        }
    }

    private void run(Path dir) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", "0");
        env.put("INVOICEFLOW_DATA_DIR", dir.toString());
        env.put("INVOICEFLOW_ADMIN_TOKEN", OPERATOR);
        if (options.containsKey("database-url")) {
            env.put("DATABASE_URL", options.get("database-url")); // an empty database; else the embedded H2
        }
        Map<String, String> shown = new LinkedHashMap<>(options);
        shown.computeIfPresent("database-url", (name, url) -> AppConfig.redact(url));
        line("# Read-side benchmark, " + java.time.Instant.now() + ", options " + shown);
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, " + Machine.cpuModel()
                + ", JDK " + System.getProperty("java.version") + ", -Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
        AppConfig config = AppConfig.load(env);
        try (Invoiceflow app = Invoiceflow.start(config, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + app.port();
            JsonNode tenant = post(base + "/api/v1/tenants", OPERATOR, SampleData.tenantJson(1));
            String tenantId = tenant.path("tenantId").asText();
            String key = post(base + "/api/v1/tenants/" + tenantId + "/users", OPERATOR, SampleData.userJson(1))
                    .path("apiKey").asText();
            List<String> ids = load(app.writeSide(), new TenantId(tenantId));
            awaitReflected(app, new TenantId(tenantId), ids.size());
            awaitQuiet();
            Javalin hello = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.routes.get("/hello", ctx -> ctx.result("hello"));
            });
            hello.start(0);
            try {
                Path idFile = dir.resolve("ids.txt");
                Files.write(idFile, ids);
                String prefix = "/api/v1/tenants/" + tenantId;
                Path byId = script(dir, "by-id.lua", luaRandomPath(idFile, prefix + "/invoices/", key));
                Path page = script(dir, "page.lua", luaRandomQuery(prefix + "/invoices?", key));
                line("");
                line("| | requests/s | p50 ms | p90 ms | p99 ms | max ms | JVM CPU ms per request | busy outside the JVM: wrk and others (cores) |");
                line("|---|---:|---:|---:|---:|---:|---:|---:|");
                String helloUrl = "http://127.0.0.1:" + hello.port() + "/hello";
                int saturating = opt("connections");
                // every route once before any window, so that no window pays the JIT for another route's code
                for (Path script : new Path[] {null, byId, page}) {
                    Wrk.run(wrkCommand(script == null ? helloUrl : base + "/", script, opt("prime"), saturating));
                }
                Wrk.Report c = wrk("(c) hello world, same JVM", helloUrl, null, saturating);
                Wrk.Report a = wrk("(a) GET one invoice by id", base + "/", byId, saturating);
                Wrk.Report b = wrk("(b) filtered, sorted page of 50", base + "/", page, saturating);
                Wrk.Report c2 = wrk("(c) hello world again", helloUrl, null, saturating);
                line("");
                double ceiling = (c.rps() + c2.rps()) / 2;
                line(String.format("%d connections: (a) / (c) throughput %.0f %% (target >= 50 %%); (a) p99 %.2f ms; "
                        + "(b) p99 %.2f ms", saturating, 100 * a.rps() / ceiling, a.p99(), b.p99()));
                // Latency where the requests do not queue behind each other: 16 connections on 2 cores shared
                // with wrk measure the queue (hello world's own p99 is tens of ms there).
                int few = opt("latency-connections");
                line("");
                line("| " + few + " connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | JVM CPU ms per request | busy outside the JVM: wrk and others (cores) |");
                line("|---|---:|---:|---:|---:|---:|---:|---:|");
                Wrk.Report cl = wrk("(c) hello world", helloUrl, null, few);
                Wrk.Report al = wrk("(a) GET one invoice by id", base + "/", byId, few);
                Wrk.Report bl = wrk("(b) filtered, sorted page of 50", base + "/", page, few);
                line("");
                line(String.format("%d connections: (a) p99 %.2f ms (target < 5 ms), hello world's %.2f ms; (b) p99 %.2f ms "
                        + "(target < 50 ms)", few, al.p99(), cl.p99(), bl.p99()));
            } finally {
                hello.stop();
            }
            var views = app.readSide().viewCache();
            line("");
            line(String.format("View cache after the windows: %d entries, %.0f MB (limit %d MB); %d hits, %d misses",
                    views.size(), views.bytes() / 1048576.0, config.viewCacheBytes() >> 20, views.hits(),
                    views.misses()));
            line("");
            line("Where the JVM's CPU went in each window (OS threads by name, digits as #; GC, JIT and RocksDB's own threads included):");
            threadsByWindow.forEach(this::line);
            visibility(app, new TenantId(tenantId));
        }
        System.out.println(report);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), report.toString());
        }
    }

    // ---- load

    private List<String> load(WriteSide writeSide, TenantId tenant) throws Exception {
        int n = opt("invoices");
        CommandContext ctx = new CommandContext("bench", "load", tenant.value());
        int customers = 500;
        String[] names = {"Bryggen Bakeri AS", "Fjordkraft Regnskap AS", "Ålesund Fisk AS", "Nordvik Bygg AS",
                "Trøndelag Transport AS", "Sørlandets Elektro AS", "Bergen Kaffebrenneri AS", "Østfold Maskin AS"};
        for (int c = 0; c < customers; c++) {
            writeSide.send(new RegisterCustomer(tenant, new CustomerNumber("K" + (10000 + c)), new CustomerDetails(
                    names[c % names.length].replace(" AS", " " + c + " AS"), null, "nb", "post" + c + "@kunde.example",
                    new Address("Gate " + c, "5003", "Bergen", "NO"),
                    List.of(new Contact("Kontakt " + c, "kontakt" + c + "@kunde.example", null)))), ctx);
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>(n));
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(opt("load-threads"));
        List<Future<?>> done = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        for (int t = 0; t < opt("load-threads"); t++) {
            done.add(pool.submit(() -> {
                Random random = new Random();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    InvoiceId id = InvoiceId.random();
                    writeSide.send(new CreateInvoice(id, tenant, draft(random, today)), ctx);
                    int kind = random.nextInt(100);
                    if (kind < 75) {
                        writeSide.send(new FinalizeInvoice(id, tenant, null), ctx);
                        if (kind < 30) {
                            writeSide.send(new MarkInvoicePaid(id, tenant, null), ctx);
                        }
                    }
                    ids.add(id.value());
                    if (i % 10_000 == 0) {
                        System.out.printf("loaded %d invoices in %.0f s%n", i, (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow(); // a failed load must not leave the JVM running
        }
        line(String.format("loaded %d invoices (75 %% final, 30 %% paid) of %d customers through the write side in %.0f s",
                n, customers, (System.nanoTime() - start) / 1e9));
        return ids;
    }

    private static InvoiceDraft draft(Random random, LocalDate today) {
        List<LineInput> lines = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        int[] rates = {25, 15, 12, 0};
        for (int l = 0; l < count; l++) {
            lines.add(new LineInput(null, "Vare " + l, BigDecimal.valueOf(1 + random.nextInt(20)), "stk",
                    BigDecimal.valueOf(50 + random.nextInt(5000)).movePointLeft(random.nextInt(2)),
                    random.nextInt(5) == 0 ? new Discount(Discount.Type.PERCENT, BigDecimal.TEN) : null,
                    BigDecimal.valueOf(rates[random.nextInt(rates.length)])));
        }
        return new InvoiceDraft(new CustomerNumber("K" + (10000 + random.nextInt(500))), null,
                today.minusDays(random.nextInt(365)), PaymentTerms.of(PaymentTerms.Kind.NET_30), null, null, null,
                null, lines);
    }

    private void awaitReflected(Invoiceflow app, TenantId tenant, int n) throws InterruptedException {
        long start = System.nanoTime();
        while (app.readSide().invoiceTable(tenant).size() < n) {
            Thread.sleep(200);
        }
        Thread.sleep(2000); // let the last finalizations and payments land as well
        line(String.format("the read side reflected all %d invoices %.1f s after the load", n,
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * Waits until the JVM is idle: the finalized invoices' distribution (a PDF rendered and mailed for each) runs
     * for minutes after the load, and its CPU would be counted against the requests measured meanwhile.
     */
    private void awaitQuiet() throws InterruptedException {
        double limit = Double.parseDouble(options.get("quiet-cores"));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(opt("quiet-timeout"));
        double cores;
        do {
            long cpu0 = processCpu();
            Thread.sleep(5000);
            cores = (processCpu() - cpu0) / 5e9;
        } while (cores > limit && System.nanoTime() < deadline);
        line(String.format("%s %.0f s after the read side: the JVM used %.2f cores over the last 5 s (limit %.2f)",
                cores > limit ? "NOT QUIET (gave up)" : "quiet", (System.nanoTime() - start) / 1e9, cores, limit));
    }

    // ---- wrk

    private Wrk.Report wrk(String name, String url, Path script, int connections) throws Exception {
        Wrk.run(wrkCommand(url, script, opt("warmup"), connections));
        long cpu0 = processCpu();
        long[] stat0 = Machine.procStat();
        Map<String, Long> tasks0 = Machine.taskTicks();
        long gc0 = gcCount();
        java.time.Instant start = java.time.Instant.now();
        String out = Wrk.run(wrkCommand(url, script, opt("seconds"), connections));
        long cpu1 = processCpu();
        long[] stat1 = Machine.procStat();
        // the window's times, to cut a JFR recording of the run to it (JfrSummary's jfr.from and jfr.to)
        threadsByWindow.add(String.format("- %s, %d connections (%s to %s): %d GCs; %s", name, connections, start,
                java.time.Instant.now(), gcCount() - gc0, Machine.topTasks(tasks0, Machine.taskTicks(), 8)));
        Wrk.Report r = Wrk.parse(out);
        long requests = (long) (r.rps() * opt("seconds"));
        double jvmCpuMs = (cpu1 - cpu0) / 1e6 / Math.max(1, requests);
        double machineBusyCores = (stat1[0] - stat0[0]) / (double) Machine.CLK_TCK / opt("seconds");
        double jvmCores = (cpu1 - cpu0) / 1e9 / opt("seconds");
        line(String.format("| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.3f | %.2f |", name, r.rps(), r.p50(), r.p90(), r.p99(),
                r.max(), jvmCpuMs, Math.max(0, machineBusyCores - jvmCores)));
        return r;
    }

    private List<String> wrkCommand(String url, Path script, int seconds, int connections) {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + Math.min(opt("wrk-threads"), connections), "-c" + connections,
                "-d" + seconds + "s", "--latency"));
        if (script != null) {
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url);
        return cmd;
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        return file;
    }

    private static String luaRandomPath(Path ids, String prefix, String key) {
        return """
                local ids = {}
                for line in io.lines("%s") do ids[#ids + 1] = line end
                local headers = { ["Authorization"] = "Bearer %s" }
                function setup(thread) thread:set("seed", math.random(1, 1000000)) end
                function init(args) math.randomseed(tonumber(seed) or os.time()) end
                function request()
                  return wrk.format("GET", "%s" .. ids[math.random(#ids)], headers)
                end
                """.formatted(ids, key, prefix);
    }

    private static String luaRandomQuery(String prefix, String key) {
        StringBuilder list = new StringBuilder();
        for (String f : FILTERS) {
            list.append("  \"").append(prefix).append(f).append("\",\n");
        }
        return """
                local paths = {
                %s}
                local headers = { ["Authorization"] = "Bearer %s" }
                function setup(thread) thread:set("seed", math.random(1, 1000000)) end
                function init(args) math.randomseed(tonumber(seed) or os.time()) end
                function request()
                  return wrk.format("GET", paths[math.random(#paths)], headers)
                end
                """.formatted(list, key);
    }

    // ---- visibility

    private void visibility(Invoiceflow app, TenantId tenant) throws Exception {
        int rate = opt("rate");
        Histogram histogram = new Histogram(60_000_000L, 3);
        boolean[] recording = {false};
        app.readSide().progress().observeVisibility(micros -> {
            if (recording[0]) {
                synchronized (histogram) {
                    histogram.recordValue(Math.max(0, Math.min(micros, 60_000_000L)));
                }
            }
        });
        CommandContext ctx = new CommandContext("bench", "visibility", tenant.value());
        // open loop: the clock starts a command every 1/rate s, whether or not the previous ones have returned
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        AtomicInteger sent = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> senders.execute(() -> {
            try {
                app.writeSide().send(new CreateInvoice(InvoiceId.random(), tenant,
                        draft(ThreadLocalRandom.current(), today)), ctx);
                sent.incrementAndGet();
            } catch (RuntimeException e) {
                System.err.println("visibility load: " + e);
            }
        }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(opt("warmup") * 1000L);
        int before = sent.get();
        long cpu0 = processCpu();
        long[] stat0 = Machine.procStat();
        Map<String, Long> tasks0 = Machine.taskTicks();
        java.time.Instant start = java.time.Instant.now();
        recording[0] = true;
        Thread.sleep(opt("visibility-seconds") * 1000L);
        recording[0] = false;
        long cpu1 = processCpu();
        long[] stat1 = Machine.procStat();
        String tasks = String.format("(%s to %s): %s", start, java.time.Instant.now(),
                Machine.topTasks(tasks0, Machine.taskTicks(), 10));
        int events = sent.get() - before;
        // no interrupts: a thread interrupted inside H2's file I/O closes the embedded event store's file for good
        clock.shutdown();
        clock.awaitTermination(60, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        double seconds = opt("visibility-seconds");
        line("");
        line(String.format("event-to-query visibility at %d events/s (achieved %.1f/s): p50 %.1f ms, p90 %.1f ms, "
                        + "p99 %.1f ms, p99.9 %.1f ms, max %.1f ms over %d events (target p99 < 250 ms); JVM %.2f cores, "
                        + "machine %.2f cores busy", rate, events / seconds, histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getValueAtPercentile(99.9) / 1000.0, histogram.getMaxValue() / 1000.0,
                histogram.getTotalCount(), (cpu1 - cpu0) / 1e9 / seconds,
                (stat1[0] - stat0[0]) / (double) Machine.CLK_TCK / seconds));
        line("Where the JVM's CPU went during it " + tasks);
    }

    // ---- plumbing

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static JsonNode post(String url, String token, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
