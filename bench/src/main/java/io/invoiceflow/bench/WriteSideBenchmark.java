package io.invoiceflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.invoiceflow.app.AppConfig;
import io.invoiceflow.app.Invoiceflow;
import io.invoiceflow.app.kafka.EmbeddedKafkaBroker;
import io.invoiceflow.app.kafka.TopicAdmin;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.commands.forwarder.KafkaForwarder;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.customer.RegisterCustomer;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.CreateTenant;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The write side's load benchmark (issue "Performance"; results in docs/benchmarks/write-side.md). One run, in
 * this order, each measured window after a warm-up and each phase on a fresh {@code bench_<random>}
 * PostgreSQL schema:
 * <ol>
 *   <li>(c) the raw JDBC ceiling: one event-shaped row per transaction from N threads through HikariCP;</li>
 *   <li>(b) the write side direct: {@link WriteSide#send} with the Kafka forwarder running, create (5 lines)
 *       + finalize per loop, with 1 tenant and with one tenant per thread;</li>
 *   <li>(a) the full app over HTTP ({@link Invoiceflow#start}), same loop and variants;</li>
 *   <li>latency: open-loop finalizations at a fixed rate against the full app, timed from the request's
 *       send to the InvoiceFinalized record's arrival at a Kafka consumer.</li>
 * </ol>
 * Each phase but (c) runs against a fresh in-process Kafka broker, and (b) in the full app and (a) each in a fresh
 * app: no phase's window pays for the events an earlier phase left on the topics.
 * Every phase reports wall-clock throughput and CPU per command: this JVM (app + in-process broker +
 * load driver), the PostgreSQL processes, and the whole machine from /proc/stat.
 */
public final class WriteSideBenchmark {
    static final String ADMIN_TOKEN = "bench-admin-token-6f1d2c3b4a5e";
    private static final double TARGET_A_OVER_B = 0.80;
    private static final double TARGET_B_OVER_C = 0.70;
    private static final double TARGET_P99_MILLIS = 250;
    private static final int RAW_PAYLOAD_BYTES = 1500;
    private static final int RAW_METADATA_BYTES = 200;

    private final BenchOptions options;
    private final Postgres pg;
    private final Profiler profiler;
    private final Path workDir;
    private final Set<String> schemas = ConcurrentHashMap.newKeySet();
    private final List<PhaseResult> results = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private LatencyResult latency;
    private String bootstrapServers;

    private WriteSideBenchmark(BenchOptions options, Path workDir) {
        this.options = options;
        this.pg = new Postgres(options.databaseUrl());
        this.profiler = new Profiler(options.jfrDir());
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean tempWork = options.workDir() == null;
        Path work = tempWork ? Files.createTempDirectory("invoiceflow-bench") : options.workDir();
        Files.createDirectories(work);
        WriteSideBenchmark bench = new WriteSideBenchmark(options, work);
        Thread cleanup = new Thread(bench::dropSchemas, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        int exit = 0;
        try {
            bench.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            bench.dropSchemas();
            if (tempWork) {
                WorkDir.deleteTree(work);
            }
        }
        Runtime.getRuntime().halt(exit); // Kafka and Axon leave non-daemon threads behind
    }

    private void run() throws Exception {
        try {
            pg.query("select 1");
            try (Connection c = pg.connect()) {
                c.isValid(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to PostgreSQL (" + e.getMessage() + "); is it running? "
                    + "pg_ctlcluster --skip-systemctl-redirect 15 main start", e);
        }
        header();
        if (options.phases().contains("c")) {
            results.add(rawJdbc());
        }
        if (options.phases().contains("b")) {
            for (int tenants : options.tenantVariants()) {
                results.add(onFreshBroker("b" + tenants, () -> direct(tenants)));
            }
        }
        if (options.phases().contains("a")) {
            for (int tenants : options.tenantVariants()) {
                results.add(onFreshBroker("b-app" + tenants, () -> appDirect(tenants)));
                results.add(onFreshBroker("a" + tenants, () -> appHttp(tenants)));
            }
        }
        if (options.phases().contains("latency")) {
            latency = onFreshBroker("latency", this::latency);
        }
        String summary = summary();
        System.out.println();
        System.out.println(summary);
        if (options.out() != null) {
            Files.writeString(options.out(), summary + "\n\n<details><summary>full output</summary>\n\n```\n"
                    + String.join("\n", log) + "\n```\n</details>\n");
            System.out.println("Summary written to " + options.out());
        }
    }

    // ---------------------------------------------------------------- (c) raw JDBC ceiling

    private PhaseResult rawJdbc() throws Exception {
        section("(c) raw JDBC ceiling: %d threads, one %d-byte event-shaped row per transaction", options.threads(),
                RAW_PAYLOAD_BYTES);
        String schema = newSchema();
        try (HikariDataSource ds = pg.pool(schema, "bench-raw", 20, false)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // shaped like domain_event_entry (Schema.statements), unique constraints included
                s.execute("create table raw_event ("
                        + " global_index bigint generated by default as identity primary key,"
                        + " event_identifier varchar(255) not null,"
                        + " aggregate_identifier varchar(255) not null,"
                        + " sequence_number bigint not null,"
                        + " type varchar(255),"
                        + " time_stamp varchar(255) not null,"
                        + " payload_type varchar(255) not null,"
                        + " payload_revision varchar(255),"
                        + " payload bytea not null,"
                        + " meta_data bytea,"
                        + " constraint uk_raw_event_aggregate_seq unique (aggregate_identifier, sequence_number),"
                        + " constraint uk_raw_event_identifier unique (event_identifier))");
                c.commit();
            }
            Random random = new Random(42);
            byte[] payload = new byte[RAW_PAYLOAD_BYTES];
            byte[] meta = new byte[RAW_METADATA_BYTES];
            random.nextBytes(payload);
            random.nextBytes(meta);
            String sql = "insert into raw_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                    + " payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            ClosedLoop.Outcome outcome = ClosedLoop.run("bench-jdbc-c", options.threads(), i -> load -> {
                load.command("insert", () -> {
                    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setString(2, UUID.randomUUID().toString());
                        ps.setLong(3, 0);
                        ps.setString(4, "Invoice");
                        ps.setString(5, java.time.Instant.now().toString());
                        ps.setString(6, "io.invoiceflow.events.invoice.InvoiceDrafted");
                        ps.setString(7, "1");
                        ps.setBytes(8, payload);
                        ps.setBytes(9, meta);
                        ps.executeUpdate();
                        c.commit();
                    }
                    return null;
                });
                load.unit();
            }, options.warmup(), options.seconds(), pg, profiler);
            PhaseResult r = new PhaseResult("c", "raw JDBC, " + options.threads() + " threads", "rows", outcome,
                    new ArrayList<>());
            report(r);
            return r;
        } finally {
            dropSchema(schema);
        }
    }

    // ---------------------------------------------------------------- (b) the write side direct

    private PhaseResult direct(int tenantCount) throws Exception {
        section("(b) write side direct (WriteSide.send, forwarder running): %d threads, %d tenant(s)",
                options.threads(), tenantCount);
        String schema = newSchema();
        try (HikariDataSource ds = pg.pool(schema, "bench-writeside", 20, true);
             Producer<String, byte[]> producer = Invoiceflow.forwarderProducer(bootstrapServers)) {
            long t0 = System.nanoTime();
            WriteSide ws = WriteSide.start(ds, WriteSideSettings.defaults("bench"), Clock.systemUTC(), producer);
            try {
                say("write side started in %.1f s", (System.nanoTime() - t0) / 1e9);
                List<TenantId> tenants = new ArrayList<>();
                List<String> actors = new ArrayList<>();
                for (int i = 0; i < tenantCount; i++) {
                    TenantId tenant = TenantId.random();
                    CommandContext admin = new CommandContext("admin", UUID.randomUUID().toString(), tenant.value());
                    ws.send(new CreateTenant(tenant, SampleData.tenantProfile(i)), admin);
                    ws.send(new RegisterCustomer(tenant, SampleData.CUSTOMER, SampleData.customerDetails()), admin);
                    tenants.add(tenant);
                    actors.add(UUID.randomUUID().toString());
                }
                String window = "bench-cmd-b" + tenantCount;
                ClosedLoop.Outcome outcome = ClosedLoop.run(window, options.threads(), i -> {
                    TenantId tenant = tenants.get(i % tenantCount);
                    String actor = actors.get(i % tenantCount);
                    return load -> {
                        InvoiceId id = InvoiceId.random();
                        load.command("create", () -> ws.send(new CreateInvoice(id, tenant, SampleData.DRAFT),
                                new CommandContext(actor, UUID.randomUUID().toString(), tenant.value())));
                        load.command("finalize", () -> ws.send(new FinalizeInvoice(id, tenant, null),
                                new CommandContext(actor, UUID.randomUUID().toString(), tenant.value())));
                        load.unit();
                    };
                }, options.warmup(), options.seconds(), pg, profiler);
                List<String> notes = new ArrayList<>();
                notes.add(drain(schema, ws.kafkaForwarder().orElseThrow()));
                notes.addAll(pg.query("select 'stored event ' || payload_type || ': ' || count(*) || ' rows, payload avg '"
                        + " || round(avg(octet_length(payload))) || ' B, meta_data avg ' || round(avg(octet_length(meta_data)))"
                        + " || ' B' from " + schema + ".domain_event_entry group by payload_type order by count(*) desc limit 4"));
                PhaseResult r = new PhaseResult("b", variant(tenantCount), "invoices", outcome, notes);
                report(r);
                return r;
            } finally {
                ws.close();
                ClosedLoop.sleep(500); // Axon's event store reader stops asynchronously; let it go before the pool closes
            }
        } finally {
            dropSchema(schema);
        }
    }

    /**
     * Runs one phase against its own in-process broker, deleted afterwards: a phase's app must not find the
     * events of an earlier phase on its topics (its read side, distribution and command consumer would work
     * through them in this phase's window, for tenants its database does not have).
     */
    private <T> T onFreshBroker(String phase, Callable<T> body) throws Exception {
        long t0 = System.nanoTime();
        Path dir = workDir.resolve("kafka-" + phase);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            bootstrapServers = broker.bootstrapServers();
            // Created here with replication factor 1 (one node); an app then finds them existing.
            TopicAdmin.ensureTopics(bootstrapServers, TopicAdmin.defaultTopics(6, (short) 1), Duration.ofSeconds(60));
            say("fresh Kafka broker on %s, topics ready in %.1f s", bootstrapServers, (System.nanoTime() - t0) / 1e9);
            return body.call();
        } finally {
            bootstrapServers = null;
            WorkDir.deleteTree(dir);
        }
    }

    /** How far the forwarder was behind when the load stopped, and how long it took to catch up. */
    private String drain(String schema, KafkaForwarder forwarder) {
        long stored = pg.count(schema, "domain_event_entry");
        long forwarded = forwarder.eventsForwarded();
        long t0 = System.nanoTime();
        while (forwarder.eventsForwarded() < stored && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
            ClosedLoop.sleep(20);
        }
        double took = (System.nanoTime() - t0) / 1e9;
        boolean done = forwarder.eventsForwarded() >= stored;
        return String.format(Locale.ROOT, "forwarder: %d events stored, %d forwarded when the load stopped (behind by %d);"
                + " %s after %.2f s", stored, forwarded, Math.max(0, stored - forwarded),
                done ? "caught up" : "STILL BEHIND", took);
    }

    // ---------------------------------------------------------------- (a) the full app over HTTP

    private Invoiceflow startApp(String schema) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", pg.url(schema));
        if (pg.user() != null) {
            env.put("DATABASE_USER", pg.user());
        }
        if (pg.password() != null) {
            env.put("DATABASE_PASSWORD", pg.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("INVOICEFLOW_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("INVOICEFLOW_DATA_DIR", workDir.resolve("app-" + schema).toString());
        env.put("INVOICEFLOW_NODE_ID", "bench");
        env.put("INVOICEFLOW_TOPIC_PARTITIONS", "6");
        long t0 = System.nanoTime();
        Invoiceflow app = Invoiceflow.start(AppConfig.load(env), Clock.systemUTC());
        say("app started on port %d in %.1f s", app.port(), (System.nanoTime() - t0) / 1e9);
        return app;
    }

    /**
     * (b) in the full app: the commands of (b) sent straight to the write side of a full app (read side,
     * distribution and scheduler running), against tenants created over HTTP. With {@link #appHttp} on a fresh
     * app of its own, the ratio is what HTTP costs; the standalone (b) leaves out the work every event causes
     * downstream in the app, which (a) pays.
     */
    private PhaseResult appDirect(int tenantCount) throws Exception {
        String schema = newSchema();
        try (Invoiceflow app = startApp(schema)) {
            List<HttpApi.Tenant> tenants = createTenants(app, tenantCount);
            section("(b) in the full app (app.writeSide().send, everything downstream running): %d threads, %d tenant(s)",
                    options.threads(), tenantCount);
            ClosedLoop.Outcome direct = ClosedLoop.run("bench-cmd-app-b" + tenantCount, options.threads(), i -> {
                HttpApi.Tenant tenant = tenants.get(i % tenantCount);
                TenantId tenantId = new TenantId(tenant.tenantId());
                return load -> {
                    InvoiceId id = InvoiceId.random();
                    load.command("create", () -> app.writeSide().send(new CreateInvoice(id, tenantId, SampleData.DRAFT),
                            new CommandContext(tenant.userId(), UUID.randomUUID().toString(), tenant.tenantId())));
                    load.command("finalize", () -> app.writeSide().send(new FinalizeInvoice(id, tenantId, null),
                            new CommandContext(tenant.userId(), UUID.randomUUID().toString(), tenant.tenantId())));
                    load.unit();
                };
            }, options.warmup(), options.seconds(), pg, profiler);
            PhaseResult r = new PhaseResult("b-app", variant(tenantCount), "invoices", direct,
                    List.of(drain(schema, app.writeSide().kafkaForwarder().orElseThrow())));
            report(r);
            return r;
        } finally {
            dropSchema(schema);
        }
    }

    /** (a): the same loop over HTTP, driven by wrk, against a fresh full app. */
    private PhaseResult appHttp(int tenantCount) throws Exception {
        String schema = newSchema();
        try (Invoiceflow app = startApp(schema)) {
            List<HttpApi.Tenant> tenants = createTenants(app, tenantCount);
            section("(a) full app over HTTP (wrk, a separate process, HTTP/1.1 keep-alive): %d connections, %d tenant(s)",
                    options.threads(), tenantCount);
            WrkInvoiceLoad.Result load = WrkInvoiceLoad.run("bench-http-a" + tenantCount, app.port(), tenants,
                    options.threads(), options.warmup(), options.seconds(), workDir, pg, profiler);
            List<String> notes = new ArrayList<>();
            Wrk.Report wrk = load.report();
            notes.add(String.format(Locale.ROOT, "wrk, create and finalize together: latency ms p50 %.2f  p90 %.2f  "
                    + "p99 %.2f  max %.2f", wrk.p50(), wrk.p90(), wrk.p99(), wrk.max()));
            notes.add(drain(schema, app.writeSide().kafkaForwarder().orElseThrow()));
            PhaseResult r = new PhaseResult("a", variant(tenantCount), "invoices", load.outcome(), notes);
            report(r);
            return r;
        } finally {
            dropSchema(schema);
        }
    }

    private static List<HttpApi.Tenant> createTenants(Invoiceflow app, int count) throws Exception {
        HttpApi api = new HttpApi(app.port(), ADMIN_TOKEN);
        List<HttpApi.Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tenants.add(api.createTenant(i));
        }
        return tenants;
    }

    private static String variant(int tenantCount) {
        return tenantCount + (tenantCount == 1 ? " tenant" : " tenants");
    }

    // ---------------------------------------------------------------- latency: finalize -> Kafka

    private LatencyResult latency() throws Exception {
        int rate = options.latencyRate();
        int warmupCount = (int) (rate * options.latencyWarmup().toSeconds());
        int measuredCount = (int) (rate * options.latencySeconds().toSeconds());
        int total = warmupCount + measuredCount;
        section("latency: open loop, %d finalizations/s over HTTP for %d s (after %d s warm-up), %d tenants; "
                + "finalize request sent -> InvoiceFinalized read from %s", rate, options.latencySeconds().toSeconds(),
                options.latencyWarmup().toSeconds(), options.latencyTenants(), Topics.INVOICING_EVENTS);
        String schema = newSchema();
        try (Invoiceflow app = startApp(schema)) {
            HttpApi api = new HttpApi(app.port(), ADMIN_TOKEN);
            List<HttpApi.Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < options.latencyTenants(); i++) {
                tenants.add(api.createTenant(i));
            }
            // drafts, created straight through the write side (faster than HTTP; only finalize is timed)
            String[] ids = new String[total];
            HttpApi.Tenant[] owners = new HttpApi.Tenant[total];
            WriteSide ws = app.writeSide();
            long t0 = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            AtomicLong failures = new AtomicLong();
            List<Thread> creators = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                Thread thread = new Thread(() -> {
                    for (int i; (i = next.getAndIncrement()) < total; ) {
                        HttpApi.Tenant tenant = tenants.get(i % tenants.size());
                        InvoiceId id = InvoiceId.random();
                        try {
                            ws.send(new CreateInvoice(id, new TenantId(tenant.tenantId()), SampleData.DRAFT),
                                    new CommandContext(tenant.userId(), UUID.randomUUID().toString(), tenant.tenantId()));
                            ids[i] = id.value();
                            owners[i] = tenant;
                        } catch (RuntimeException e) {
                            if (failures.incrementAndGet() <= 3) {
                                System.err.println("draft creation failed: " + e);
                            }
                        }
                    }
                }, "bench-drafts-" + t);
                creators.add(thread);
                thread.start();
            }
            for (Thread thread : creators) {
                thread.join();
            }
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " drafts could not be created");
            }
            say("%d drafts created in %.1f s; waiting for the forwarder to publish them", total, (System.nanoTime() - t0) / 1e9);
            say("%s", drain(schema, ws.kafkaForwarder().orElseThrow()));

            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < total; i++) {
                index.put(ids[i], i);
            }
            HttpRequest[] requests = new HttpRequest[total];
            for (int i = 0; i < total; i++) {
                requests[i] = api.finalizeRequest(owners[i], ids[i]);
            }
            long[] sentAt = new long[total];
            long[] lag = new long[total];
            AtomicLongArray arrivedAt = new AtomicLongArray(total);
            AtomicLongArray respondedAt = new AtomicLongArray(total);
            AtomicIntegerArray status = new AtomicIntegerArray(total);
            AtomicLong duplicates = new AtomicLong();
            AtomicLong foreign = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch consumerReady = new CountDownLatch(1);
            AtomicLong polls = new AtomicLong();

            Thread consumerThread = new Thread(() -> {
                Properties props = new Properties();
                props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
                props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-latency-consumer");
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    List<TopicPartition> partitions = consumer.partitionsFor(Topics.INVOICING_EVENTS).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    consumerReady.countDown();
                    while (!stop.get()) {
                        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(20));
                        long now = System.nanoTime();
                        polls.incrementAndGet();
                        for (ConsumerRecord<String, byte[]> record : records) {
                            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                            if (type == null || !new String(type.value(), StandardCharsets.UTF_8).endsWith("InvoiceFinalized.v1")) {
                                continue;
                            }
                            Integer i = index.get(record.key());
                            if (i == null) {
                                foreign.incrementAndGet();
                            } else if (!arrivedAt.compareAndSet(i, 0, now)) {
                                duplicates.incrementAndGet();
                            }
                        }
                    }
                }
            }, "bench-consumer");
            consumerThread.setDaemon(true);
            consumerThread.start();
            if (!consumerReady.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Kafka consumer did not get ready");
            }

            Machine.Snapshot[] window = new Machine.Snapshot[2];
            AtomicLong httpFailuresPrinted = new AtomicLong();
            Thread scheduler = new Thread(() -> {
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                for (int i = 0; i < total; i++) {
                    long intended = start + i * interval;
                    long now;
                    while ((now = System.nanoTime()) < intended) {
                        LockSupport.parkNanos(intended - now);
                    }
                    if (i == warmupCount) {
                        profiler.start("bench-latency");
                        window[0] = Machine.take(pg);
                    }
                    now = System.nanoTime();
                    sentAt[i] = now;
                    lag[i] = now - intended;
                    int n = i;
                    api.sendAsync(requests[i]).whenComplete((response, failure) -> {
                        respondedAt.set(n, System.nanoTime());
                        status.set(n, failure != null ? -1 : response.statusCode());
                        if ((failure != null || response.statusCode() != 200) && httpFailuresPrinted.incrementAndGet() <= 5) {
                            System.err.println("finalize failed: " + (failure != null ? failure : response.statusCode()
                                    + " " + response.body()));
                        }
                    });
                }
                // the window ends one interval after the last send
                long end = start + (long) total * interval;
                while (System.nanoTime() < end) {
                    LockSupport.parkNanos(end - System.nanoTime());
                }
                window[1] = Machine.take(pg);
                profiler.stop("bench-latency");
            }, "bench-scheduler");
            long progressStart = System.nanoTime();
            scheduler.start();
            while (scheduler.isAlive()) {
                scheduler.join(5000);
                int arrived = 0;
                for (int i = 0; i < total; i++) {
                    if (arrivedAt.get(i) != 0) {
                        arrived++;
                    }
                }
                System.out.printf("  latency: %5.1f s, %d of %d finalized events arrived (load %.2f)%n",
                        (System.nanoTime() - progressStart) / 1e9, arrived, total, Machine.loadAverage()[0]);
            }
            // grace period for the last events
            long graceEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < graceEnd) {
                boolean all = true;
                for (int i = warmupCount; i < total && all; i++) {
                    all = arrivedAt.get(i) != 0 && respondedAt.get(i) != 0;
                }
                if (all) {
                    break;
                }
                ClosedLoop.sleep(50);
            }
            stop.set(true);
            consumerThread.join(10_000);

            Histogram toKafka = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
            Histogram response = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
            Histogram schedulerLag = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
            long late = 0;
            long missed = 0;
            long httpErrors = 0;
            long responseMissing = 0;
            for (int i = warmupCount; i < total; i++) {
                schedulerLag.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(lag[i])));
                if (status.get(i) != 200) {
                    httpErrors++;
                }
                if (respondedAt.get(i) == 0) {
                    responseMissing++;
                } else {
                    response.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(respondedAt.get(i) - sentAt[i])));
                }
                long arrived = arrivedAt.get(i);
                if (arrived == 0) {
                    missed++;
                    continue;
                }
                long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(arrived - sentAt[i]));
                toKafka.recordValue(micros);
                if (micros > TARGET_P99_MILLIS * 1000) {
                    late++;
                }
            }
            double sendSeconds = (sentAt[total - 1] - sentAt[warmupCount]) / 1e9;
            double achievedRate = (measuredCount - 1) / sendSeconds;
            LatencyResult r = new LatencyResult(rate, measuredCount, achievedRate, toKafka, response, schedulerLag, late,
                    missed, httpErrors, responseMissing, duplicates.get(), foreign.get(),
                    Machine.Window.between(window[0], window[1]));
            report(r);
            return r;
        } finally {
            dropSchema(schema);
        }
    }

    // ---------------------------------------------------------------- results

    /** A closed-loop phase's outcome. {@code unit} is what one loop iteration produced (a row, an invoice). */
    record PhaseResult(String phase, String variant, String unit, ClosedLoop.Outcome outcome, List<String> notes) {
        Machine.Window window() {
            return Machine.Window.between(outcome.start(), outcome.end());
        }

        double unitsPerSecond() {
            return outcome.units() / outcome.seconds();
        }

        double commandsPerSecond() {
            return outcome.commands() / outcome.seconds();
        }

        double perCommandMillis(double cpuSeconds) {
            return outcome.commands() == 0 ? Double.NaN : cpuSeconds * 1000 / outcome.commands();
        }

        String title() {
            return switch (phase) {
                case "c" -> "(c) raw JDBC insert";
                case "b" -> "(b) write side direct";
                case "b-app" -> "(b) direct, in the full app";
                case "a" -> "(a) full app, HTTP";
                default -> phase;
            };
        }
    }

    record LatencyResult(int rate, int measured, double achievedRate, Histogram toKafka, Histogram response,
                         Histogram schedulerLag, long late, long missed, long httpErrors, long responseMissing,
                         long duplicates, long foreign, Machine.Window window) {
        boolean passed() {
            return missed == 0 && httpErrors == 0 && toKafka.getTotalCount() > 0
                    && toKafka.getValueAtPercentile(99) / 1000.0 < TARGET_P99_MILLIS
                    && achievedRate >= rate * 0.98;
        }
    }

    private void report(PhaseResult r) {
        Machine.Window w = r.window();
        ClosedLoop.Outcome o = r.outcome();
        say("window %.1f s, load average (1 min) %.2f -> %.2f", o.seconds(), w.load1Start(), w.load1End());
        if (r.phase().equals("c")) {
            say("throughput: %.0f rows/s (= transactions/s); errors %d", r.unitsPerSecond(), o.errors());
        } else {
            say("throughput: %.1f invoices/s = %.0f commands/s; errors %d", r.unitsPerSecond(), r.commandsPerSecond(),
                    o.errors());
        }
        o.latency().forEach((kind, h) -> say("  %-9s latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (n=%d)", kind,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount()));
        reportCpu(w, o.commands(), r.phase().equals("c") ? "row" : "command");
        r.notes().forEach(n -> say("%s", n));
    }

    private void report(LatencyResult r) {
        say("sent %d measured finalizations at %.1f/s (target %d/s); scheduler lag p99 %.2f ms, max %.2f ms",
                r.measured(), r.achievedRate(), r.rate(), r.schedulerLag().getValueAtPercentile(99) / 1000.0,
                r.schedulerLag().getMaxValue() / 1000.0);
        Histogram h = r.toKafka();
        say("finalize sent -> InvoiceFinalized on Kafka, ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (n=%d)",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                h.getTotalCount());
        Histogram resp = r.response();
        say("finalize HTTP response, ms:                   p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f",
                resp.getValueAtPercentile(50) / 1000.0, resp.getValueAtPercentile(90) / 1000.0,
                resp.getValueAtPercentile(99) / 1000.0, resp.getValueAtPercentile(99.9) / 1000.0,
                resp.getMaxValue() / 1000.0);
        say("late (> %.0f ms): %d; missed (no event within 20 s of the last send): %d; HTTP errors %d, no response %d;"
                + " duplicate deliveries %d", TARGET_P99_MILLIS, r.late(), r.missed(), r.httpErrors(), r.responseMissing(),
                r.duplicates());
        say("window %.1f s, load average (1 min) %.2f -> %.2f", r.window().wallSeconds(), r.window().load1Start(),
                r.window().load1End());
        reportCpu(r.window(), r.measured(), "finalization");
    }

    private void reportCpu(Machine.Window w, long commands, String per) {
        say("CPU per %s: JVM %.3f ms (%.2f cores), PostgreSQL (this benchmark's sessions + background processes) %.3f ms (%.2f cores; all PostgreSQL processes %.2f cores), whole machine %.3f ms"
                        + " (%.2f of %d cores busy; includes other users of the machine); GC %d collections, %.2f s",
                per, w.jvmCpuSeconds() * 1000 / commands, w.jvmCpuSeconds() / w.wallSeconds(),
                w.postgresCpuSeconds() * 1000 / commands, w.postgresCpuSeconds() / w.wallSeconds(),
                w.postgresAllCpuSeconds() / w.wallSeconds(), w.machineBusySeconds() * 1000 / commands, w.machineCores(), Runtime.getRuntime().availableProcessors(),
                w.gcCount(), w.gcSeconds());
        double other = Math.max(0, w.machineBusySeconds() - w.jvmCpuSeconds() - w.postgresCpuSeconds());
        say("  CPU of everything else on the machine (other builds and their PostgreSQL sessions, kernel, ...): %.2f cores during the window", other / w.wallSeconds());
        StringBuilder cat = new StringBuilder();
        w.byCategory().forEach((k, v) -> {
            if (v * 1000 / commands >= 0.005) {
                cat.append(String.format(Locale.ROOT, "%n      %-58s %.3f ms/%s", k, v * 1000 / commands, per));
            }
        });
        say("  JVM CPU by thread category:%s", cat);
        StringBuilder top = new StringBuilder();
        w.topGroups(8).forEach((k, v) -> top.append(String.format(Locale.ROOT, "%n      %-58s %.3f ms/%s", k,
                v * 1000 / commands, per)));
        say("  top thread groups:%s", top);
        Map<String, Long> d = w.pgDelta();
        if (!d.isEmpty()) {
            say("  PostgreSQL per %s (database-wide counters, other sessions included): transactions %.2f,"
                            + " rows inserted %.2f, updated %.2f, fetched %.2f, WAL %.0f B, WAL syncs %.3f", per,
                    per(d, "xact_commit", commands), per(d, "tup_inserted", commands), per(d, "tup_updated", commands),
                    per(d, "tup_fetched", commands), per(d, "wal_bytes", commands), per(d, "wal_sync", commands));
        }
    }

    /** Busy cores not explained by this JVM or PostgreSQL: other users of the shared machine. */
    private static double otherCores(Machine.Window w) {
        return Math.max(0, w.machineBusySeconds() - w.jvmCpuSeconds() - w.postgresCpuSeconds()) / w.wallSeconds();
    }

    private static double per(Map<String, Long> d, String key, long commands) {
        Long v = d.get(key);
        return v == null ? Double.NaN : (double) v / commands;
    }

    private String summary() {
        StringBuilder md = new StringBuilder();
        md.append("## Results (").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(")\n\n");
        md.append("| phase | variant | throughput | commands/s | JVM CPU ms/cmd | PostgreSQL CPU ms/cmd | machine CPU ms/cmd"
                + " | machine busy (cores) | of which not JVM/PG (cores) | latency p50 / p99 ms | errors | load 1m (start->end) |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (PhaseResult r : results) {
            Machine.Window w = r.window();
            String lat = r.outcome().latency().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f / %.1f",
                    e.getKey(), e.getValue().getValueAtPercentile(50) / 1000.0,
                    e.getValue().getValueAtPercentile(99) / 1000.0)).collect(Collectors.joining("; "));
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %s/s | %.0f | %.3f | %.3f | %.3f | %.2f | %.2f | %s | %d | %.2f -> %.2f |%n",
                    r.title(), r.variant(), r.unitsPerSecond(), r.unit(), r.commandsPerSecond(),
                    r.perCommandMillis(w.jvmCpuSeconds()), r.perCommandMillis(w.postgresCpuSeconds()),
                    r.perCommandMillis(w.machineBusySeconds()), w.machineCores(), otherCores(w), lat, r.outcome().errors(),
                    w.load1Start(), w.load1End()));
        }
        if (latency != null) {
            Machine.Window w = latency.window();
            md.append(String.format(Locale.ROOT, "| latency | %d finalizations/s open loop | %.1f finalizations/s | %.1f | %.3f | %.3f | %.3f | %.2f | %.2f | HTTP %.1f / %.1f | %d | %.2f -> %.2f |%n",
                    latency.rate(), latency.achievedRate(), latency.achievedRate(),
                    w.jvmCpuSeconds() * 1000 / latency.measured(), w.postgresCpuSeconds() * 1000 / latency.measured(),
                    w.machineBusySeconds() * 1000 / latency.measured(), w.machineCores(), otherCores(w),
                    latency.response().getValueAtPercentile(50) / 1000.0, latency.response().getValueAtPercentile(99) / 1000.0,
                    latency.httpErrors(), w.load1Start(), w.load1End()));
        }
        md.append("\n### Targets\n\n| target | measured | result |\n|---|---|---|\n");
        PhaseResult c = results.stream().filter(r -> r.phase().equals("c")).findFirst().orElse(null);
        // (a) against (b) alone and against (b) in the same app
        for (String[] baseline : new String[][]{{"b", ""}, {"b-app", " in the same app"}}) {
            for (PhaseResult a : results.stream().filter(r -> r.phase().equals("a")).toList()) {
                results.stream().filter(b -> b.phase().equals(baseline[0]) && b.variant().equals(a.variant()))
                        .findFirst().ifPresent(b -> {
                            double ratio = a.unitsPerSecond() / b.unitsPerSecond();
                            md.append(String.format(Locale.ROOT, "| (a) >= 80%% of (b)%s, %s | %.1f / %.1f invoices/s"
                                            + " = **%.0f%%** | %s |%n", baseline[1], a.variant(), a.unitsPerSecond(),
                                    b.unitsPerSecond(), ratio * 100, ratio >= TARGET_A_OVER_B ? "PASS" : "**FAIL**"));
                        });
            }
        }
        if (c != null) {
            for (PhaseResult b : results.stream().filter(r -> r.phase().equals("b")).toList()) {
                double ratio = b.commandsPerSecond() / c.unitsPerSecond();
                md.append(String.format(Locale.ROOT, "| (b) >= 70%% of (c), %s | %.0f commands/s / %.0f rows/s = **%.0f%%** | %s |%n",
                        b.variant(), b.commandsPerSecond(), c.unitsPerSecond(), ratio * 100,
                        ratio >= TARGET_B_OVER_C ? "PASS" : "**FAIL**"));
            }
        }
        if (latency != null) {
            Histogram h = latency.toKafka();
            md.append(String.format(Locale.ROOT, "| p99 finalize -> Kafka < 250 ms at %d/s | p50 %.1f, p90 %.1f, **p99 %.1f**, max %.1f ms;"
                            + " %.1f/s achieved; %d late, %d missed, %d HTTP errors | %s |%n", latency.rate(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, latency.achievedRate(), latency.late(),
                    latency.missed(), latency.httpErrors(), latency.passed() ? "PASS" : "**FAIL**"));
        }
        return md.toString();
    }

    // ---------------------------------------------------------------- plumbing

    private void header() {
        double[] load = Machine.loadAverage();
        say("Invoiceflow write-side benchmark, %s", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        say("machine: %d CPUs (%s), %.1f GiB RAM; load average %.2f %.2f %.2f", Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), memTotalGiB(), load[0], load[1], load[2]);
        say("JVM: %s %s, max heap %d MiB, args %s", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        say("PostgreSQL: %s", pg.describe());
        say("options: %d threads, warm-up %d s, measured %d s, tenant variants %s; latency %d/s for %d s (+%d s warm-up),"
                        + " %d tenants; phases %s", options.threads(), options.warmup().toSeconds(), options.seconds().toSeconds(),
                options.tenantVariants(), options.latencyRate(), options.latencySeconds().toSeconds(),
                options.latencyWarmup().toSeconds(), options.latencyTenants(), options.phases());
    }

    private static double memTotalGiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(0.0);
        } catch (IOException e) {
            return 0;
        }
    }

    private void section(String format, Object... args) {
        say("");
        say("== " + format + " ==", args);
    }

    private synchronized void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.add(line);
    }

    private String newSchema() {
        String schema = pg.createSchema();
        schemas.add(schema);
        say("schema %s", schema);
        return schema;
    }

    private void dropSchema(String schema) {
        if (options.keepSchemas()) {
            return;
        }
        try {
            pg.dropSchema(schema);
            schemas.remove(schema);
        } catch (RuntimeException e) {
            System.err.println("could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    private void dropSchemas() {
        if (!options.keepSchemas()) {
            List.copyOf(schemas).forEach(this::dropSchema);
        }
    }
}
