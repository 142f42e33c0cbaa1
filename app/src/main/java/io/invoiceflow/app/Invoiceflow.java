package io.invoiceflow.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.invoiceflow.app.dev.DevClock;
import io.invoiceflow.app.dev.DevelopmentTools;
import io.invoiceflow.app.distribution.DistributionSide;
import io.invoiceflow.app.distribution.DocumentService;
import io.invoiceflow.app.distribution.SettingsService;
import io.invoiceflow.app.distribution.StartingDocuments;
import io.invoiceflow.app.kafka.EmbeddedKafkaBroker;
import io.invoiceflow.app.kafka.StreamsApps;
import io.invoiceflow.app.kafka.TopicAdmin;
import io.invoiceflow.app.reads.DistributionListQueries;
import io.invoiceflow.app.reads.FrequencyQueries;
import io.invoiceflow.app.reads.ReadSide;
import io.invoiceflow.app.reads.StartingReadModel;
import io.invoiceflow.app.reads.WriteSideQueries;
import io.invoiceflow.app.security.AdminToken;
import io.invoiceflow.app.security.TokenAuthenticator;
import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.commands.consumer.CommandConsumer;
import io.invoiceflow.commands.consumer.CommandRecords;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.projections.ProjectionsTopology;
import io.invoiceflow.streams.ActingTopology;
import io.invoiceflow.streams.recurring.SchedulerMetrics;
import io.invoiceflow.web.Development;
import io.invoiceflow.web.WebApp;
import io.invoiceflow.web.api.Caller;
import io.invoiceflow.web.api.CommandDispatcher;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.HostInfo;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;

/**
 * The composition root: starts what is not configured externally (a KRaft broker, H2), then the
 * write side, then the HTTP API; {@link #close} stops them in reverse order.
 */
public final class Invoiceflow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Invoiceflow.class);
    /** Kafka's default session timeout (45 s), used against an external cluster. */
    private static final Duration KAFKA_SESSION_TIMEOUT = Duration.ofSeconds(45);

    /** The commands the stream processors send the write side through invoicing.commands. */
    private static final CommandRecords SYSTEM_COMMANDS = new CommandRecords(List.of(RequestDistribution.class,
            RecordDistributionFailed.class, IssueOccurrence.class));

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final String bootstrapServers;
    private final WriteSide writeSide;
    private final Javalin web;
    private final ReadSide readSide;

    private Invoiceflow(AppConfig config, Clock systemClock) throws Exception {
        try {
            Files.createDirectories(config.dataDir());
            Clock clock = config.development() ? DevClock.load(systemClock, config.dataDir()) : systemClock;
            // events are stamped with the installation's time (Axon keeps that clock in a static field),
            // so that a development clock moved forward dates the events as it dates the invoices
            Clock eventClock = GenericEventMessage.clock;
            GenericEventMessage.clock = clock;
            resources.push(() -> GenericEventMessage.clock = eventClock);
            SchedulerMetrics schedulerMetrics = new SchedulerMetrics();
            String adminHash = AdminToken.hash(config.adminToken(), config.dataDir());

            boolean embeddedKafka = config.kafkaBootstrapServers().isEmpty();
            if (embeddedKafka) {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"));
                resources.push(broker);
                bootstrapServers = broker.bootstrapServers();
            } else {
                bootstrapServers = config.kafkaBootstrapServers().get();
            }
            // an external cluster: Kafka's default session timeout (ADR 0010)
            Duration sessionTimeout = embeddedKafka ? EmbeddedKafkaBroker.CLIENT_SESSION_TIMEOUT : KAFKA_SESSION_TIMEOUT;
            int replication = config.topicReplication()
                    .orElseGet(() -> embeddedKafka ? 1 : Math.min(3, TopicAdmin.brokerCount(bootstrapServers, Duration.ofSeconds(60))));
            TopicAdmin.ensureTopics(bootstrapServers,
                    TopicAdmin.defaultTopics(config.topicPartitions(), (short) replication), Duration.ofSeconds(60));

            HikariDataSource dataSource = dataSource(config);
            resources.push(dataSource);
            Producer<String, byte[]> producer = forwarderProducer(bootstrapServers);
            resources.push(producer);
            writeSide = WriteSide.start(dataSource, WriteSideSettings.defaults(config.nodeId()), clock, producer);
            resources.push(writeSide);

            OperationsMonitor operations = new OperationsMonitor(dataSource, writeSide, bootstrapServers, embeddedKafka);
            resources.push(operations);
            Counter.Builder commandCounter = Counter.builder("invoiceflow.commands").description("commands handled");
            CommandDispatcher dispatcher = new CommandDispatcher() {
                @Override
                public <R> R send(Object command, Caller caller, String requestId) {
                    String outcome = "refused";
                    try {
                        R result = writeSide.send(command, new CommandContext(caller.actor(), requestId,
                                caller.tenantId() == null ? tenantOf(command) : caller.tenantId().value()));
                        outcome = "accepted";
                        return result;
                    } finally {
                        commandCounter.tag("type", command.getClass().getSimpleName()).tag("outcome", outcome)
                                .register(operations.registry()).increment();
                    }
                }
            };
            WriteSideQueries queries = new WriteSideQueries(writeSide, clock);
            StartingReadModel readModel = new StartingReadModel();
            StartingDocuments documents = new StartingDocuments();
            SettingsService settings = new SettingsService(writeSide);
            web = WebApp.create(new WebApp.Dependencies(new TokenAuthenticator(adminHash, writeSide.directory()),
                    dispatcher, queries, readModel, documents,
                    new FrequencyQueries(writeSide, clock), settings, new DistributionListQueries(writeSide), operations,
                    config.development() ? new DevelopmentTools((DevClock) clock, writeSide.directory(),
                            config.scheduler(), schedulerMetrics) : Development.OFF));
            web.start(config.port());
            resources.push(web::stop);

            // the read side starts once the API listens: other instances forward queries to this port
            int partitions = TopicAdmin.partitionCount(bootstrapServers, Topics.INVOICING_EVENTS, Duration.ofSeconds(60));
            TopicAdmin.ensureTopics(bootstrapServers, StreamsApps.internalTopics(config.projectionsId(),
                    ProjectionsTopology.BY_TENANT, ProjectionsTopology.STORES, partitions, (short) replication),
                    Duration.ofSeconds(60));
            HostInfo self = new HostInfo(config.advertisedHost(), web.port());
            readSide = ReadSide.start(StreamsApps.config(config.projectionsId(), bootstrapServers,
                    config.dataDir().resolve("streams"), self, replication, sessionTimeout), self, writeSide.directory(), clock,
                    config.viewCacheBytes());
            resources.push(readSide);
            readModel.started(readSide);
            operations.readSideStarted(readSide);
            if (!readSide.awaitRunning(Duration.ofSeconds(60))) {
                LOG.warn("The read side is not running 60 s after start ({}); reads answer 503 until it is",
                        readSide.streams().state());
            }

            // the stream processors (distribution, scheduler) act through commands: the write side takes them from invoicing.commands
            resources.push(CommandConsumer.start(bootstrapServers, sessionTimeout, writeSide, SYSTEM_COMMANDS, 2));
            TopicAdmin.ensureTopics(bootstrapServers, StreamsApps.internalTopics(DistributionSide.APPLICATION_ID,
                    ActingTopology.BY_TENANT, ActingTopology.STORES, partitions, (short) replication),
                    Duration.ofSeconds(60));
            String publicUrl = config.publicUrl().orElse("http://localhost:" + web.port());
            DistributionSide distribution = DistributionSide.start(StreamsApps.config(DistributionSide.APPLICATION_ID,
                    bootstrapServers, config.dataDir().resolve("streams"), null, replication, sessionTimeout),
                    bootstrapServers, sessionTimeout,
                    writeSide, config.mail(), config.bounceMailbox(), config.dataDir(), publicUrl, clock,
                    config.scheduler(), schedulerMetrics);
            resources.push(distribution);
            documents.started(new DocumentService(writeSide, queries, distribution.renderer(), distribution.links(), publicUrl,
                    distribution.mailer().mailbox()));
            settings.started(distribution.renderer(), distribution.secrets(), distribution.mailer());
            operations.distributionStarted(distribution);
            LOG.info("Invoiceflow is up on port {} ({})", web.port(), config);
            if (embeddedKafka) {
                LOG.info("Embedded Kafka broker: {} (kcat -b {} -t invoicing.events -C)", bootstrapServers, bootstrapServers);
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    public static Invoiceflow start(AppConfig config, Clock clock) throws Exception {
        return new Invoiceflow(config, clock);
    }

    /** The tenant id a command carries, for the metadata of operator commands. */
    private static String tenantOf(Object command) {
        try {
            Object id = command.getClass().getMethod("tenantId").invoke(command);
            return id == null ? null : id.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    public int port() {
        return web.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public WriteSide writeSide() {
        return writeSide;
    }

    public ReadSide readSide() {
        return readSide;
    }

    private static HikariDataSource dataSource(AppConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("invoiceflow");
        hikari.setMaximumPoolSize(20);
        if (config.databaseUrl().isPresent()) {
            hikari.setJdbcUrl(config.databaseUrl().get());
            config.databaseUser().ifPresent(hikari::setUsername);
            config.databasePassword().ifPresent(hikari::setPassword);
        } else {
            Path file = config.dataDir().resolve("eventstore");
            // WRITE_DELAY=0: without it H2 lost committed rows on kill -9 (FIELD-NOTES).
            hikari.setJdbcUrl("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        }
        return new HikariDataSource(hikari);
    }

    /** The forwarder's producer: idempotent, acks=all, so a batch counts as sent only when Kafka has it. */
    public static Producer<String, byte[]> forwarderProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "invoiceflow-forwarder");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}", resource, e);
            }
        }
    }
}
