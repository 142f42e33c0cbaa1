package io.invoiceflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.Template;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The morning run (issue 6; also the whole distribution pipeline of issue 5 (b); results in
 * docs/benchmarks/morning-run.md). One JVM holds everything on embedded defaults (KRaft broker, H2,
 * the app in development mode) and a local SMTP sink on loopback ({@link SmtpSink}: accepts, counts and
 * discards). Set up through the HTTP API: one tenant, {@code --subscribers} customers, and
 * {@code --subscriptions} monthly subscriptions from tomorrow, each with every customer as a
 * subscriber: {@code subscriptions x subscribers} occurrences due tomorrow, each a one-page invoice of
 * three lines (the sample invoice's). Then the development route moves the clock to tomorrow 06:15 and
 * the run starts: commands issued, invoices finalized, rendered by FOP, emailed. Reported: the time
 * from 06:15 until the last email is accepted, and the FOP-only rate of the sample invoice (2 threads,
 * the same layout) measured in the same JVM before and after the run, as the ceiling.
 *
 * <pre>java -Xmx6g -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.MorningRunBenchmark
 *     [--subscriptions 100] [--subscribers 1000] [--render-documents 4000] [--timeout-minutes 60] [--out FILE]</pre>
 */
public final class MorningRunBenchmark {
    private static final String ADMIN = "ifa_morning-run-benchmark-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--subscriptions", "100", "--subscribers", "1000",
                "--render-documents", "4000", "--timeout-minutes", "60", "--out", ""));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        new MorningRunBenchmark().run(Integer.parseInt(options.get("--subscriptions")),
                Integer.parseInt(options.get("--subscribers")), Integer.parseInt(options.get("--render-documents")),
                Integer.parseInt(options.get("--timeout-minutes")), options.get("--out"));
    }

    private void run(int subscriptions, int subscribers, int renderDocuments, int timeoutMinutes, String out)
            throws Exception {
        THREADS.setThreadCpuTimeEnabled(true);
        long occurrences = (long) subscriptions * subscribers;
        line("morning-run benchmark: %s, %d cores, %s, max heap %d MB, load %.2f at start",
                Machine.cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, Machine.loadAverage()[0]);
        line("%d occurrences: %d subscriptions x %d subscribers", occurrences, subscriptions, subscribers);

        PdfRenderer renderer = PdfRenderer.create(Clock.systemUTC());
        Document sample = SampleDocuments.of(DocumentKind.INVOICE, Language.NB);
        Template template = Template.standard(Layout.CLASSIC);
        render(renderer, sample, template, renderDocuments / 2); // warm-up
        RenderRate before = render(renderer, sample, template, renderDocuments);
        line("FOP only, before the run: %.1f documents/s (2 threads, %d documents), %.2f CPU ms per document, load %.2f",
                before.perSecond(), renderDocuments, before.cpuMs(), before.load());

        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("INVOICEFLOW_ADMIN_TOKEN", ADMIN);
        env.put("INVOICEFLOW_MODE", "development");
        RunResult result;
        try (WorkDir dataDir = WorkDir.create("invoiceflow-morning-run"); SmtpSink sink = new SmtpSink()) {
            env.put("INVOICEFLOW_DATA_DIR", dataDir.path().toString());
            env.put("INVOICEFLOW_SMTP_HOST", "127.0.0.1");
            env.put("INVOICEFLOW_SMTP_PORT", String.valueOf(sink.port()));
            env.put("INVOICEFLOW_SMTP_ENCRYPTION", "NONE");
            env.put("INVOICEFLOW_SMTP_FROM", "Invoiceflow <noreply@invoiceflow.example>");
            try (Invoiceflow app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC())) {
                result = morningRun(new HttpApi(app.port(), ADMIN), app.bootstrapServers(), sink, subscriptions,
                        subscribers, timeoutMinutes);
            }
        }
        RenderRate after = render(renderer, sample, template, renderDocuments);
        line("FOP only, after the run: %.1f documents/s (2 threads, %d documents), %.2f CPU ms per document, load %.2f",
                after.perSecond(), renderDocuments, after.cpuMs(), after.load());

        double ceiling = (before.perSecond() + after.perSecond()) / 2;
        line("");
        line("| figure | value |");
        line("|---|---|");
        line("| occurrences due | %d |", occurrences);
        line("| emails accepted by the sink | %d |", result.accepted());
        line("| 06:15 -> every command issued (the scheduler's run) | %.1f s |", result.issuedSeconds());
        line("| 06:15 -> last email accepted | %.1f s (%.1f min; target < 15 min) |", result.seconds(),
                result.seconds() / 60);
        line("| pipeline rate | %.1f invoices/s |", result.accepted() / result.seconds());
        line("| FOP-only rate, same JVM (mean of before %.1f and after %.1f) | %.1f documents/s |", before.perSecond(),
                after.perSecond(), ceiling);
        line("| pipeline / FOP-only | %.0f %% (target >= 85 %%) |", 100 * result.accepted() / result.seconds() / ceiling);
        line("| JVM CPU per invoice over the run | %.1f ms |", 1000 * result.window().jvmCpuSeconds() / result.accepted());
        line("| machine busy over the run | %.2f of %d cores; load1 %.2f -> %.2f |", result.window().machineCores(),
                Runtime.getRuntime().availableProcessors(), result.window().load1Start(), result.window().load1End());
        line("");
        line("Where the JVM's CPU went over the run (seconds; threads grouped by name):");
        line("");
        line("| thread group | CPU s | share |");
        line("|---|---|---|");
        double jvm = result.window().jvmCpuSeconds();
        result.window().topGroups(14).forEach((group, seconds) -> line("| %s | %.1f | %.0f %% |", group, seconds,
                100 * seconds / jvm));
        line("| JVM internal (GC, JIT, VM threads) | %.1f | %.0f %% |", result.window().jvmInternalSeconds(),
                100 * result.window().jvmInternalSeconds() / jvm);
        line("GC: %d collections, %.1f s", result.window().gcCount(), result.window().gcSeconds());
        if (!out.isEmpty()) {
            Files.writeString(Path.of(out), report.toString());
        }
    }

    /** The measured run: 06:15 to the last email. */
    record RunResult(long accepted, double issuedSeconds, double seconds, Machine.Window window) {
    }

    private RunResult morningRun(HttpApi api, String bootstrap, SmtpSink sink, int subscriptions, int subscribers,
                                 int timeoutMinutes) throws Exception {
        long setupStart = System.nanoTime();
        JsonNode tenant = JSON.readTree(api.call("POST", "/tenants", ADMIN, SampleData.tenantJson(1), 201));
        String tenantId = tenant.get("tenantId").asText();
        String key = JSON.readTree(api.call("POST", "/tenants/" + tenantId + "/users", ADMIN, SampleData.userJson(1), 201))
                .get("apiKey").asText();
        String base = "/tenants/" + tenantId;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            String number = String.valueOf(20_000 + i);
            numbers.add(number);
            api.call("POST", base + "/customers", key, customer(number), 201);
        }
        Instant now = Instant.parse(JSON.readTree(api.call("GET", "/dev/clock", ADMIN, null, 200)).get("now").asText());
        LocalDate runDate = LocalDate.ofInstant(now, OSLO).plusDays(1);
        String body = subscription(runDate, numbers);
        for (int s = 0; s < subscriptions; s++) {
            api.call("POST", base + "/subscriptions", key, body, 201);
        }
        line("setup: tenant, %d customers, %d subscriptions of %d subscribers in %.1f s", subscribers, subscriptions,
                subscribers, (System.nanoTime() - setupStart) / 1e9);
        // the subscriptions were made days before a real morning: every consumer has read them by 06:15
        long caughtUp = System.nanoTime();
        awaitCaughtUp(bootstrap);
        line("every consumer group caught up with the setup %.1f s later", (System.nanoTime() - caughtUp) / 1e9);
        Thread.sleep(5_000);

        long expected = (long) subscriptions * subscribers;
        Machine.Snapshot first = Machine.take(null);
        long start = System.nanoTime();
        JsonNode run = JSON.readTree(api.call("POST", base + "/dev/morning-run", ADMIN,
                "{\"date\": \"" + runDate + "\"}", 200));
        double issuedSeconds = (System.nanoTime() - start) / 1e9;
        line("run of %s: the morning-run route answered after %.1f s: %s", runDate, issuedSeconds, run);
        long deadline = start + timeoutMinutes * 60_000_000_000L;
        long lastProgress = System.nanoTime();
        long lastCount = -1;
        long printed = System.nanoTime();
        while (sink.accepted() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            long count = sink.accepted();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.nanoTime();
            } else if (count > 0 && System.nanoTime() - lastProgress > 300_000_000_000L) {
                line("no email for 5 minutes: giving up at %d of %d", count, expected);
                break;
            }
            if (System.nanoTime() - printed > 30_000_000_000L) {
                printed = System.nanoTime();
                System.out.printf(Locale.ROOT, "  %6.0f s: %d emails accepted, load %.2f, heap used %d MB%n",
                        (printed - start) / 1e9, count, Machine.loadAverage()[0],
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            }
        }
        Machine.Snapshot last = Machine.take(null);
        long accepted = sink.accepted();
        double seconds = (sink.lastAcceptedNanos() - start) / 1e9;
        line("first email accepted %.1f s after 06:15", (sink.firstAcceptedNanos() - start) / 1e9);
        Thread.sleep(10_000);
        line("emails accepted: %d of %d expected (%d after 10 s more: no duplicate from a redelivery), %d SMTP "
                + "connections, %.1f KB per message", accepted, expected, sink.accepted(), sink.connections(),
                sink.bytes() / 1024.0 / Math.max(1, sink.accepted()));
        line("emails by subject (digits as #): %s", sink.subjects());
        line("Message-IDs that arrived more than once: %d %s", sink.repeated().size(),
                sink.repeated().size() > 20 ? "" : sink.repeated());
        return new RunResult(accepted, issuedSeconds, seconds, Machine.Window.between(first, last));
    }

    /** Waits (up to 15 minutes) until no consumer group of the app has a record left to read on any partition. */
    private void awaitCaughtUp(String bootstrap) throws Exception {
        long deadline = System.nanoTime() + 900_000_000_000L;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int quiet = 0;
            long lag = -1;
            while (quiet < 3) {
                if (System.nanoTime() > deadline) {
                    line("consumer groups still %d records behind after 15 minutes: the run starts anyway", lag);
                    return;
                }
                Thread.sleep(1000);
                lag = 0;
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                        if (e.getValue() != null) {
                            lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                        }
                    }
                }
                quiet = lag == 0 ? quiet + 1 : 0;
            }
        }
    }

    private static String customer(String number) throws Exception {
        Map<String, Object> body = new HashMap<>(JSON.readValue(SampleData.customerJson(), Map.class));
        body.put("customerNumber", number);
        body.put("name", "Kunde " + number + " AS");
        body.put("email", "faktura+" + number + "@kunde.example");
        body.remove("contacts");
        return JSON.writeValueAsString(body);
    }

    /** A monthly subscription from {@code first} with the sample invoice's three lines. */
    private static String subscription(LocalDate first, List<String> subscribers) {
        StringBuilder list = new StringBuilder();
        for (String s : subscribers) {
            list.append(list.length() == 0 ? "" : ", ").append("{\"customerNumber\": \"").append(s).append("\"}");
        }
        return """
                {"name": "Regnskapsabonnement", "period": "MONTH", "firstDate": "%s", "paymentTerms": {"kind": "NET_14"},
                 "comments": "Takk for handelen! Spørsmål? Kontakt oss.",
                 "lines": [{"description": "Rådgivning – årsoppgjør", "quantity": 3, "unit": "t", "unitPrice": "1199.50", "vatRate": 25},
                           {"description": "Brød og bakervarer, Bryggen", "quantity": 2, "unit": "stk", "unitPrice": "45.50",
                            "discount": {"type": "PERCENT", "value": 10}, "vatRate": 15},
                           {"description": "Kjøregodtgjørelse Tromsø–Ålesund", "quantity": 12.5, "unit": "km", "unitPrice": "4.90", "vatRate": 25}],
                 "subscribers": [%s]}""".formatted(first, list);
    }

    record RenderRate(double perSecond, double cpuMs, double load) {
    }

    /** FOP alone: {@code documents} renders of the sample from 2 threads. */
    private static RenderRate render(PdfRenderer renderer, Document document, Template template, int documents)
            throws InterruptedException {
        AtomicLong remaining = new AtomicLong(documents);
        AtomicLong cpu = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                while (remaining.getAndDecrement() > 0) {
                    renderer.render(document, template);
                }
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
            }, "fop-only-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RenderRate(documents / seconds, cpu.get() / 1e6 / documents, Machine.loadAverage()[0]);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
