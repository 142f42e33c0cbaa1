package io.invoiceflow.commands;

import io.invoiceflow.commands.creditnote.CreditNote;
import io.invoiceflow.commands.customer.Customer;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.DirectoryProjector;
import io.invoiceflow.commands.distribution.Distribution;
import io.invoiceflow.commands.distribution.DistributionCommandHandlers;
import io.invoiceflow.commands.distributionlist.DistributionEntry;
import io.invoiceflow.commands.forwarder.KafkaForwarder;
import io.invoiceflow.commands.frequency.Frequency;
import io.invoiceflow.commands.invoice.Invoice;
import io.invoiceflow.commands.invoice.InvoiceCommandHandlers;
import io.invoiceflow.commands.order.Order;
import io.invoiceflow.commands.product.Product;
import io.invoiceflow.commands.recurring.Recurring;
import io.invoiceflow.commands.recurring.RecurringCommandHandlers;
import io.invoiceflow.commands.settings.DistributionSettings;
import io.invoiceflow.commands.settings.SettingsDirectory;
import io.invoiceflow.commands.settings.SettingsProjector;
import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.commands.store.AggregateCache;
import io.invoiceflow.commands.store.Dialect;
import io.invoiceflow.commands.store.EventStorage;
import io.invoiceflow.commands.store.JdbcTransactions;
import io.invoiceflow.commands.store.RecentEvents;
import io.invoiceflow.commands.store.Schema;
import io.invoiceflow.commands.tenant.Tenant;
import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distributionlist.SetDistributionEntry;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The write side, wired without Spring: Axon aggregates on a JDBC event store (PostgreSQL or H2),
 * the lookup directory updated in the command's transaction, and the Kafka forwarder. Commands go
 * in through {@link #send}, which attaches the actor and request id and translates Axon's failures
 * into {@link DomainException}s.
 */
public final class WriteSide implements AutoCloseable {
    private static final int MAX_CONFLICT_RETRIES = 5;
    private static final String DIRECTORY_GROUP = "directory";
    private static final long EVENT_POLL_MILLIS = 100;
    private static final int RECENT_AGGREGATES = 10_000;
    /** Commands whose aggregate is created when missing: losing the race to create it is a conflict to retry. */
    private static final Set<Class<?>> CREATED_IF_MISSING = Set.of(SetDistributionEntry.class);

    private final Configuration axon;
    private final Directory directory;
    private final KafkaForwarder forwarder;
    private final CommandGateway gateway;
    private final RecentEvents recentEvents;
    private final SettingsDirectory settingsDirectory;
    private final TenantDistributionSettings distributionSettings;

    private WriteSide(Configuration axon, Directory directory, SettingsDirectory settingsDirectory,
                      TenantDistributionSettings distributionSettings, KafkaForwarder forwarder,
                      RecentEvents recentEvents) {
        this.axon = axon;
        this.directory = directory;
        this.settingsDirectory = settingsDirectory;
        this.distributionSettings = distributionSettings;
        this.forwarder = forwarder;
        this.gateway = axon.commandGateway();
        this.recentEvents = recentEvents;
    }

    /**
     * Creates the schema if needed and starts Axon.
     *
     * @param kafka the producer for the forwarder, or null to run the write side without one
     */
    public static WriteSide start(DataSource dataSource, WriteSideSettings settings, Clock clock,
                                  Producer<String, byte[]> kafka) {
        System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Dialect dialect = Dialect.ofJdbcUrl(jdbcUrl(dataSource));
        Schema.create(dataSource, dialect);
        JdbcTransactions transactions = new JdbcTransactions(dataSource, settings.maxTransaction());
        Directory directory = new Directory(transactions, dialect);
        SettingsDirectory settingsDirectory = new SettingsDirectory(transactions, dialect);
        Serializer serializer = EventStorage.serializer();
        EventStorageEngine engine = EventStorage.engine(transactions, serializer, settings.gapTimeout(),
                settings.forwarderBatchSize());
        CommandTargetResolver byAggregateId = command -> {
            if (command.getPayload() instanceof AggregateCommand c) {
                return new VersionedAggregateIdentifier(c.aggregateId(), (Long) null);
            }
            throw new IllegalArgumentException(command.getPayloadType() + " is not an AggregateCommand");
        };

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(engine)
                        // events committed by another instance are seen within this delay;
                        // this instance's own commits wake the readers at once
                        .fetchDelay(EVENT_POLL_MILLIS)
                        .messageMonitor(c.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(c.getComponent(EventBusSpanFactory.class))
                        .build())
                .configureCorrelationDataProviders(c -> List.of(
                        new SimpleCorrelationDataProvider(CommandContext.metaDataKeys().toArray(String[]::new)),
                        new MessageOriginProvider()))
                .registerComponent(Directory.class, c -> directory)
                .registerComponent(SettingsDirectory.class, c -> settingsDirectory)
                .registerComponent(Clock.class, c -> clock);
        for (Class<?> aggregate : List.of(Tenant.class, Customer.class, Product.class, Order.class, Invoice.class,
                CreditNote.class, Distribution.class, Frequency.class, DistributionEntry.class,
                DistributionSettings.class, Recurring.class)) {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(aggregate)
                    .configureCommandTargetResolver(c -> byAggregateId)
                    .configureCache(c -> new AggregateCache()));
        }
        TenantDistributionSettings distributionSettings = new TenantDistributionSettings(settingsDirectory);
        configurer.registerCommandHandler(c -> new DistributionCommandHandlers(c.repository(Invoice.class),
                c.repository(Order.class), c.repository(Distribution.class), directory, distributionSettings));
        configurer.registerCommandHandler(c -> new InvoiceCommandHandlers(c.repository(Invoice.class),
                c.repository(CreditNote.class), c.repository(Order.class), c.eventStore(), directory, clock));
        configurer.registerCommandHandler(c -> new RecurringCommandHandlers(c.repository(Recurring.class),
                c.repository(Invoice.class), c.eventStore(), directory, clock));
        KafkaForwarder forwarder = kafka == null ? null : new KafkaForwarder(kafka, serializer, 30_000);
        RecentEvents recentEvents = new RecentEvents(RECENT_AGGREGATES);
        configurer.eventProcessing(processing -> {
            processing.registerTokenStore(c -> EventStorage.tokenStore(transactions, serializer, settings.nodeId()))
                    .registerSubscribingEventProcessor(DIRECTORY_GROUP)
                    .assignHandlerTypesMatching(DIRECTORY_GROUP,
                            type -> type == DirectoryProjector.class || type == SettingsProjector.class)
                    .registerListenerInvocationErrorHandler(DIRECTORY_GROUP, c -> PropagatingErrorHandler.instance())
                    .registerEventHandler(c -> new DirectoryProjector(directory))
                    .registerEventHandler(c -> new SettingsProjector(settingsDirectory))
                    // a cache: its failure is logged (the default handler) and never fails a command
                    .registerSubscribingEventProcessor(RecentEvents.PROCESSING_GROUP)
                    .assignHandlerTypesMatching(RecentEvents.PROCESSING_GROUP, RecentEvents.Recorder.class::equals)
                    .registerEventHandler(c -> recentEvents.recorder());
            if (kafka != null) {
                // A tracking processor blocks on the event store and is woken by every local commit; the
                // pooled one polls every 500 ms when idle (p99 finalize-to-Kafka 39 ms vs 513 ms measured).
                processing.registerTrackingEventProcessor(KafkaForwarder.PROCESSING_GROUP,
                                c -> c.eventStore(),
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(settings.forwarderBatchSize())
                                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                        .registerListenerInvocationErrorHandler(KafkaForwarder.PROCESSING_GROUP,
                                c -> PropagatingErrorHandler.instance())
                        .registerEventHandler(c -> forwarder);
            }
        });
        Configuration axon = configurer.buildConfiguration();
        axon.start();
        return new WriteSide(axon, directory, settingsDirectory, distributionSettings, forwarder, recentEvents);
    }

    /**
     * Sends a command and waits for its result. Domain rules surface as {@link DomainException}.
     * An append that lost a race with another instance is retried against the new state; so is a
     * refusal decided on a cached aggregate (which another instance may have changed), once.
     */
    @SuppressWarnings("unchecked")
    public <R> R send(Object command, CommandContext context) {
        boolean refusalRetried = false;
        recentEvents.forgetThisThread();
        for (int attempt = 1; ; attempt++) {
            AggregateCache.resetThisThread();
            try {
                return (R) gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(context.metaData()));
            } catch (DomainException e) {
                if (refusalRetried || !AggregateCache.servedThisThread()) {
                    throw e;
                }
                refusalRetried = true; // the rollback evicted the cached aggregates: ask the store
            } catch (AggregateStreamCreationException e) {
                if (CREATED_IF_MISSING.contains(command.getClass()) && attempt < MAX_CONFLICT_RETRIES) {
                    continue; // another request created it first: apply this one to what it created
                }
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "it already exists");
            } catch (ConflictingModificationException e) {
                throw new DomainException(ErrorCode.STALE_VERSION, "the resource was changed concurrently; read it again");
            } catch (ConcurrencyException e) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw new DomainException(ErrorCode.STALE_VERSION,
                            "the resource is being changed concurrently; try again");
                }
            } catch (AggregateNotFoundException e) {
                throw DomainException.notFound("the resource");
            }
        }
    }

    /**
     * The stored events of one aggregate, oldest first; empty if it does not exist. The store is
     * asked for the last sequence number every time; the events themselves come from memory when
     * this instance committed exactly that history.
     */
    public List<? extends DomainEventMessage<?>> events(String aggregateId) {
        EventStore store = axon.eventStore();
        Optional<Long> last = store.lastSequenceNumberFor(aggregateId);
        if (last.isEmpty()) {
            return List.of();
        }
        Optional<List<DomainEventMessage<?>>> recent = recentEvents.upTo(aggregateId, last.get());
        if (recent.isPresent()) {
            return recent.get();
        }
        List<? extends DomainEventMessage<?>> stored = store.readEvents(aggregateId).asStream().toList();
        recentEvents.offer(aggregateId, stored);
        return stored;
    }

    /**
     * The aggregate's events up to the last one the command this thread sent last appended to it, without
     * asking the store: what a write answers with (another instance may have appended since; the answer
     * is the state this command produced). When that command did not write the aggregate, as {@link #events}.
     */
    public List<? extends DomainEventMessage<?>> eventsAsWritten(String aggregateId) {
        Optional<List<DomainEventMessage<?>>> written = recentEvents.committedByThisThread(aggregateId)
                .flatMap(last -> recentEvents.upTo(aggregateId, last));
        return written.isPresent() ? written.get() : events(aggregateId);
    }

    public Directory directory() {
        return directory;
    }

    /** The tables of the tenants' distribution settings (ADR 0190). */
    public SettingsDirectory settingsDirectory() {
        return settingsDirectory;
    }

    /** What the distribution and the PDF download need of a tenant's distribution settings. */
    public TenantDistributionSettings distributionSettings() {
        return distributionSettings;
    }

    /** The forwarder, when the write side runs with one. */
    public Optional<KafkaForwarder> kafkaForwarder() {
        return Optional.ofNullable(forwarder);
    }

    /** The forwarder's processor, when it runs (for health checks and tests). */
    public Optional<StreamingEventProcessor> forwarder() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(KafkaForwarder.PROCESSING_GROUP, StreamingEventProcessor.class);
    }

    public TransactionManager transactionManager() {
        return axon.getComponent(TransactionManager.class);
    }

    public Configuration axon() {
        return axon;
    }

    private static String jdbcUrl(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
