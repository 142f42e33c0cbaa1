package io.invoiceflow.app;

import io.invoiceflow.app.distribution.DistributionSide;
import io.invoiceflow.app.reads.ReadSide;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.projections.Progress;
import io.invoiceflow.projections.ViewCache;
import io.invoiceflow.web.api.Operations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Readiness of each component and the Prometheus registry. */
final class OperationsMonitor implements Operations, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DataSource dataSource;
    private final WriteSide writeSide;
    private final Admin kafkaAdmin;
    private final String bootstrapServers;
    private final boolean embeddedKafka;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    /** Registering (looking up) a timer per request cost more than recording into it. */
    private final Map<RequestKind, Timer> requestTimers = new ConcurrentHashMap<>();
    private volatile ReadSide readSide;
    private volatile DistributionSide distribution;
    private KafkaStreamsMetrics streamsMetrics;

    OperationsMonitor(DataSource dataSource, WriteSide writeSide, String bootstrapServers, boolean embeddedKafka) {
        this.dataSource = dataSource;
        this.writeSide = writeSide;
        this.bootstrapServers = bootstrapServers;
        this.embeddedKafka = embeddedKafka;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        this.kafkaAdmin = Admin.create(props);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Adds the distribution side (documents, sending, the scheduler) to the health checks once it has started. */
    void distributionStarted(DistributionSide started) {
        this.distribution = started;
    }

    /** Adds the read side to the health checks and metrics once it runs. */
    void readSideStarted(ReadSide started) {
        this.readSide = started;
        streamsMetrics = new KafkaStreamsMetrics(started.streams());
        streamsMetrics.bindTo(registry);
        Progress progress = started.progress();
        FunctionCounter.builder("invoiceflow.projection.events", progress, Progress::appliedCount)
                .description("events applied to the read models").tag("outcome", "applied").register(registry);
        FunctionCounter.builder("invoiceflow.projection.events", progress, Progress::duplicateCount)
                .description("events applied to the read models").tag("outcome", "duplicate").register(registry);
        FunctionCounter.builder("invoiceflow.projection.events", progress, Progress::skippedCount)
                .description("events applied to the read models").tag("outcome", "unreadable").register(registry);
        FunctionCounter.builder("invoiceflow.projection.sequence.gaps", progress, Progress::gapCount)
                .description("events that arrived after a gap in their aggregate's sequence").register(registry);
        Gauge.builder("invoiceflow.projection.visibility.seconds", progress, OperationsMonitor::visibilitySeconds)
                .description("for the last event applied: seconds from the event to its reflection in the read models")
                .register(registry);
        ViewCache views = started.viewCache();
        FunctionCounter.builder("invoiceflow.view.cache.reads", views, ViewCache::hits)
                .description("reads of a view by key, answered from the view cache or from the store")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("invoiceflow.view.cache.reads", views, ViewCache::misses)
                .description("reads of a view by key, answered from the view cache or from the store")
                .tag("result", "miss").register(registry);
        Gauge.builder("invoiceflow.view.cache.bytes", views, ViewCache::bytes)
                .description("memory the view cache holds (keys and values, approximately)").register(registry);
    }

    private static double visibilitySeconds(Progress progress) {
        Instant event = progress.lastEventTime();
        Instant applied = progress.lastAppliedAt();
        return event == null || applied == null ? Double.NaN : Duration.between(event, applied).toNanos() / 1e9;
    }

    @Override
    public Map<String, Object> readiness() {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("database", check(() -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(2) ? Map.of() : null;
            }
        }));
        components.put("kafka", check(() -> {
            String clusterId = kafkaAdmin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).clusterId()
                    .get(3, TimeUnit.SECONDS);
            return Map.of("clusterId", clusterId, "embedded", embeddedKafka);
        }));
        components.put("forwarder", check(() -> writeSide.forwarder()
                .filter(p -> p.isRunning() && !p.isError())
                .map(p -> Map.<String, Object>of("processingGroup", p.getName()))
                .orElse(null)));
        ReadSide read = readSide;
        components.put("readSide", check(() -> {
            // ready once it ran: a later rebalance (an instance joins or leaves) keeps it UP
            KafkaStreams.State state = read == null ? null : read.streams().state();
            return read != null && read.ranOnce() && state.isRunningOrRebalancing()
                    ? Map.of("state", state.name(), "eventsApplied", read.progress().appliedCount()) : null;
        }));
        DistributionSide sending = distribution;
        components.put("distribution", check(() -> {
            // started last: until then the PDF, settings and mailbox routes answer 503
            KafkaStreams.State state = sending == null ? null : sending.streams().state();
            return sending != null && state.isRunningOrRebalancing() ? Map.of("state", state.name()) : null;
        }));
        Map<String, Object> result = new LinkedHashMap<>();
        boolean up = components.values().stream().allMatch(c -> "UP".equals(((Map<?, ?>) c).get("status")));
        result.put("status", up ? "UP" : "DOWN");
        result.put("components", components);
        if (embeddedKafka) {
            result.put("kafkaBootstrapServers", bootstrapServers);
        }
        return result;
    }

    @Override
    public boolean ready(Map<String, Object> readiness) {
        return "UP".equals(readiness.get("status"));
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void recordRequest(String method, String routeTemplate, int status, long nanos) {
        requestTimers.computeIfAbsent(new RequestKind(method, routeTemplate, status), kind ->
                Timer.builder("invoiceflow.http.requests")
                        .description("HTTP requests by route template and status")
                        .tag("method", kind.method()).tag("route", kind.route()).tag("status", Integer.toString(kind.status()))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The tags of a request timer; route templates and statuses are few, so the timers are too. */
    private record RequestKind(String method, String route, int status) {
    }

    private interface Check {
        Map<String, Object> run() throws Exception;
    }

    private static Map<String, Object> check(Check check) {
        Map<String, Object> state = new LinkedHashMap<>();
        try {
            Map<String, Object> details = check.run();
            state.put("status", details == null ? "DOWN" : "UP");
            if (details != null) {
                state.putAll(details);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.put("status", "DOWN");
        } catch (Exception e) {
            state.put("status", "DOWN");
            state.put("error", e.getClass().getSimpleName());
        }
        return state;
    }

    @Override
    public void close() {
        kafkaAdmin.close(Duration.ofSeconds(2));
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
