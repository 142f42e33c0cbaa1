package io.invoiceflow.app.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.projections.InvoiceLists;
import io.invoiceflow.projections.Progress;
import io.invoiceflow.projections.ProjectionsTopology;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewCache;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.projections.dashboard.Dashboard;
import io.invoiceflow.projections.dashboard.Granularity;
import io.invoiceflow.projections.list.Alphabet;
import io.invoiceflow.projections.list.CsvFormat;
import io.invoiceflow.projections.list.InvoiceQuery;
import io.invoiceflow.projections.list.InvoiceRow;
import io.invoiceflow.projections.list.InvoiceTable;
import io.invoiceflow.projections.list.Page;
import io.invoiceflow.projections.recurring.RecurringQueries;
import io.invoiceflow.projections.views.DistributionLog;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.web.api.RawJson;
import io.invoiceflow.web.api.ReadModel;
import io.invoiceflow.web.api.Versioned;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The running read side: the projections topology in a {@link KafkaStreams} instance
 * ({@code exactly_once_v2}, RocksDB stores under the data directory), and the queries over its
 * local stores. A tenant's read models live on exactly one instance; {@link #locate} says which.
 */
public final class ReadSide implements ReadModel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadSide.class);
    private static final Serializer<String> KEYS = new StringSerializer();
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final KafkaStreams streams;
    private final HostInfo self;
    private final InvoiceLists lists;
    private final ViewCache viewCache;
    private final Progress progress;
    private final Directory directory;
    private final Clock clock;
    private volatile boolean ranOnce;
    /**
     * Where each tenant's read models are and the handles of their stores, as the current assignment has them:
     * asking Kafka Streams for them took a fifth of a read by id. Kept only while the streams run; every state
     * change (each rebalance passes through one) starts a new generation, and older entries are not used.
     */
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** A tenant's metadata and the store handles opened for it, valid in one generation. */
    private record Lookup(TenantId tenant, long generation, KeyQueryMetadata metadata,
                          Map<String, ReadOnlyKeyValueStore<String, byte[]>> stores) {
    }

    private ReadSide(KafkaStreams streams, HostInfo self, InvoiceLists lists, ViewCache viewCache, Progress progress,
                     Directory directory, Clock clock) {
        this.streams = streams;
        this.self = self;
        this.lists = lists;
        this.viewCache = viewCache;
        this.progress = progress;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Starts the projections. Their internal topics must exist already.
     *
     * @param streamsConfig  the Kafka Streams settings ({@link io.invoiceflow.app.kafka.StreamsApps#config})
     * @param viewCacheBytes the size of the cache of views read by queries ({@link ViewCache}); 0 turns it off
     */
    public static ReadSide start(Properties streamsConfig, HostInfo self, Directory directory, Clock clock,
                                 long viewCacheBytes) {
        InvoiceLists lists = new InvoiceLists();
        ViewCache viewCache = ViewCache.ofBytes(viewCacheBytes);
        Progress progress = new Progress();
        StreamsBuilder builder = new StreamsBuilder();
        ProjectionsTopology.build(builder, Stores::persistentKeyValueStore, lists, viewCache, progress, clock);
        KafkaStreams streams = new KafkaStreams(builder.build(streamsConfig), streamsConfig);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("The projections' stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        ReadSide readSide = new ReadSide(streams, self, lists, viewCache, progress, directory, clock);
        streams.setStateListener((now, before) -> {
            readSide.generation.incrementAndGet();
            readSide.lookups.clear();
            if (now == KafkaStreams.State.RUNNING) {
                readSide.ranOnce = true;
            }
        });
        streams.start();
        return readSide;
    }

    /** Whether the projections have been running at least once: their first assignment is done, their stores are open. */
    public boolean ranOnce() {
        return ranOnce;
    }

    /** Waits until the projections run (their first assignment done, their stores open); false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state().hasCompletedShutdown()
                    || streams.state() == KafkaStreams.State.ERROR) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Progress progress() {
        return progress;
    }

    public ViewCache viewCache() {
        return viewCache;
    }

    /** A tenant's invoice list held here, as of now. */
    public InvoiceTable invoiceTable(TenantId tenant) {
        requireLocal(tenant);
        return lists.table(tenant.value());
    }

    @Override
    public Location locate(TenantId tenant) {
        return resolve(tenant).location();
    }

    /** Where the tenant's read models are, and the lookup that said so (null unless they are here). */
    private record Resolved(Location location, Lookup lookup) {
    }

    private Resolved resolve(TenantId tenant) {
        long current = generation.get();
        Lookup known = lookups.get(tenant.value());
        if (known != null && known.generation() == current) {
            return here(known);
        }
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return new Resolved(new Unavailable("the read side is " + state.name().toLowerCase(Locale.ROOT)), null);
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(ReadStores.VIEWS, tenant.value(), KEYS);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Resolved(new Unavailable("the read side is rebalancing"), null);
        }
        Lookup fresh = new Lookup(tenant, current, metadata, new ConcurrentHashMap<>());
        // remembered only if no state change came between reading the generation and asking the streams
        if (state == KafkaStreams.State.RUNNING && generation.get() == current) {
            lookups.put(tenant.value(), fresh);
        }
        return here(fresh);
    }

    private Resolved here(Lookup lookup) {
        HostInfo owner = lookup.metadata().activeHost();
        return owner.equals(self) ? new Resolved(new Here(), lookup)
                : new Resolved(new Elsewhere("http://" + owner.host() + ":" + owner.port()), null);
    }

    @Override
    public Optional<Versioned<Object>> view(TenantId tenant, String kind, String id) {
        byte[] stored = store(tenant, ReadStores.VIEWS).get(ReadStores.view(tenant.value(), kind, id));
        return stored == null ? Optional.empty()
                : Optional.of(new Versioned<>(new RawJson(ReadStores.viewJson(stored)), ReadStores.viewVersion(stored)));
    }

    @Override
    public Optional<RawJson> history(TenantId tenant, String kind, String aggregateId) {
        ReadOnlyKeyValueStore<String, byte[]> history = store(tenant, ReadStores.HISTORY);
        ReadOnlyKeyValueStore<String, byte[]> views = store(tenant, ReadStores.VIEWS);
        List<JsonNode> entries = entries(history, tenant, aggregateId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<String> related = new ArrayList<>();
        if ("order".equals(kind)) {
            byte[] order = views.get(ReadStores.view(tenant.value(), "order", aggregateId));
            String invoiceId = order == null ? null
                    : ViewJson.read(ReadStores.viewJson(order), JsonNode.class).path("invoiceId").asText(null);
            if (invoiceId != null) { // S8: who invoiced it, who finalized and sent the invoice, and when
                related.add(invoiceId);
                related.addAll(distributionsOf(views, tenant, invoiceId));
            }
            related.addAll(distributionsOf(views, tenant, aggregateId)); // S8: who sent the order's confirmation
        } else if ("invoice".equals(kind)) {
            related.addAll(distributionsOf(views, tenant, aggregateId));
        }
        for (String id : related) {
            entries.addAll(entries(history, tenant, id));
        }
        entries.sort(Comparator.comparing((JsonNode e) -> Instant.parse(e.path("time").asText()))
                .thenComparingLong(e -> e.path("position").asLong(Long.MAX_VALUE))
                .thenComparing(e -> e.path("aggregateId").asText())
                .thenComparingLong(e -> e.path("sequence").asLong()));
        ArrayNode array = ViewJson.mapper().createArrayNode().addAll(entries);
        return Optional.of(new RawJson(ViewJson.write(array)));
    }

    private static List<String> distributionsOf(ReadOnlyKeyValueStore<String, byte[]> views, TenantId tenant,
                                                String documentId) {
        byte[] log = views.get(ReadStores.view(tenant.value(), "distributionlog", documentId));
        if (log == null) {
            return List.of();
        }
        return ViewJson.read(ReadStores.viewJson(log), DistributionLog.class).distributions().stream()
                .map(DistributionLog.Distribution::distributionId).toList();
    }

    @Override
    public Optional<RawJson> distributionLog(TenantId tenant, String invoiceId) {
        return distributionLog(tenant, "invoice", invoiceId, DistributionLog.ofInvoice(invoiceId, List.of()));
    }

    @Override
    public Optional<RawJson> orderDistributionLog(TenantId tenant, String orderId) {
        return distributionLog(tenant, "order", orderId, DistributionLog.ofOrder(orderId, List.of()));
    }

    /** The document's log; an empty one for a document never distributed; empty for an unknown document. */
    private Optional<RawJson> distributionLog(TenantId tenant, String kind, String documentId, DistributionLog none) {
        ReadOnlyKeyValueStore<String, byte[]> views = store(tenant, ReadStores.VIEWS);
        byte[] log = views.get(ReadStores.view(tenant.value(), "distributionlog", documentId));
        if (log != null) {
            return Optional.of(new RawJson(ReadStores.viewJson(log)));
        }
        return views.get(ReadStores.view(tenant.value(), kind, documentId)) == null ? Optional.empty()
                : Optional.of(new RawJson(ViewJson.write(none)));
    }

    @Override
    public RawJson attention(TenantId tenant) {
        List<JsonNode> items = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store(tenant, ReadStores.VIEWS)
                .prefixScan(ReadStores.viewPrefix(tenant.value(), "attention"), KEYS)) {
            it.forEachRemaining(kv -> items.add(ViewJson.read(ReadStores.viewJson(kv.value), JsonNode.class)));
        }
        items.sort(Comparator.comparing(e -> e.path("since").asText()));
        return new RawJson(ViewJson.write(ViewJson.mapper().createArrayNode().addAll(items)));
    }

    private static List<JsonNode> entries(ReadOnlyKeyValueStore<String, byte[]> history, TenantId tenant,
                                          String aggregateId) {
        List<JsonNode> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = history.prefixScan(
                ReadStores.historyPrefix(tenant.value(), aggregateId), KEYS)) {
            it.forEachRemaining(kv -> entries.add(ViewJson.read(kv.value, JsonNode.class)));
        }
        return entries;
    }

    @Override
    public RawJson invoiceList(TenantId tenant, String filter, String sort, String limit, String cursor) {
        TenantRecord record = directory.requireTenant(tenant);
        InvoiceQuery query = InvoiceQuery.parse(filter, sort, limit, cursor, Alphabet.ofCountry(record.country()));
        Page<InvoiceRow> page = query.page(invoiceTable(tenant), record.today(clock));
        return new RawJson(ViewJson.write(page));
    }

    @Override
    public void invoiceCsv(TenantId tenant, String filter, String sort, String separator, OutputStream out)
            throws IOException {
        TenantRecord record = directory.requireTenant(tenant);
        InvoiceQuery query = InvoiceQuery.parse(filter, sort, null, null, Alphabet.ofCountry(record.country()));
        CsvFormat format = CsvFormat.parse(separator);
        query.writeCsv(invoiceTable(tenant).rows(), record.today(clock), out, format);
    }

    @Override
    public RawJson dashboard(TenantId tenant, String from, String to, String granularity, String top) {
        TenantRecord record = directory.requireTenant(tenant);
        LocalDate today = record.today(clock);
        LocalDate first = date("from", from, today.withDayOfYear(1));
        LocalDate last = date("to", to, today);
        int topN = integer("top", top, 10);
        return new RawJson(ViewJson.write(Dashboard.compute(invoiceTable(tenant).rows(), first, last,
                Granularity.parse(granularity), today, topN)));
    }

    private static LocalDate date(String name, String value, LocalDate whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "format", name + " must be a date such as 2026-11-30");
        }
    }

    private static int integer(String name, String value, int whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "format", name + " must be a whole number");
        }
    }

    @Override
    public Optional<Versioned<Object>> recurring(TenantId tenant, String recurringId, String next) {
        return recurringQueries(tenant).details(recurringId, next)
                .map(found -> new Versioned<>(new RawJson(ViewJson.write(found.details())), found.version()));
    }

    @Override
    public RawJson recurringList(TenantId tenant, String status, String kind, String limit, String cursor) {
        return new RawJson(ViewJson.write(recurringQueries(tenant).list(status, kind, limit, cursor)));
    }

    @Override
    public Optional<RawJson> recurringInvoices(TenantId tenant, String recurringId, String limit, String cursor) {
        return recurringQueries(tenant).invoices(recurringId, limit, cursor).map(page -> new RawJson(ViewJson.write(page)));
    }

    /** The tenant's recurring schedules, as of today in its time zone, named in its language. */
    private RecurringQueries recurringQueries(TenantId tenant) {
        TenantRecord record = directory.requireTenant(tenant);
        return new RecurringQueries(store(tenant, ReadStores.VIEWS), tenant.value(), record.today(clock),
                NameLanguage.orEnglish(record.profile().defaultLanguage()));
    }

    @Override
    public RawJson audit(TenantId tenant, AuditQuery query) {
        String from = ReadStores.auditAt(tenant.value(), query.from() == null ? Instant.EPOCH : query.from());
        String to = ReadStores.auditAt(tenant.value(), query.to() == null ? END_OF_TIME : query.to());
        String after = query.cursor() == null ? null : decodeCursor(query.cursor(), from, to);
        ArrayNode items = ViewJson.mapper().createArrayNode();
        String last = null;
        boolean more = false;
        try (KeyValueIterator<String, byte[]> it = store(tenant, ReadStores.AUDIT).range(after == null ? from : after, to)) {
            while (it.hasNext()) {
                var kv = it.next();
                if (kv.key.equals(after)) {
                    continue;
                }
                JsonNode entry = ViewJson.read(kv.value, JsonNode.class);
                if ((query.actor() != null && !query.actor().equals(entry.path("actor").asText(null)))
                        || (query.event() != null && !query.event().equals(entry.path("event").asText(null)))) {
                    continue;
                }
                if (items.size() == query.limit()) {
                    more = true;
                    break;
                }
                items.add(entry);
                last = kv.key;
            }
        }
        ObjectNode page = ViewJson.mapper().createObjectNode();
        page.set("items", items);
        page.put("nextCursor", more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8)) : null);
        return new RawJson(ViewJson.write(page));
    }

    /** An audit cursor is the last key returned; it must lie in this query's range. */
    private static String decodeCursor(String cursor, String from, String to) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (key.compareTo(from) >= 0 && key.compareTo(to) <= 0) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw DomainException.invalid("cursor", "format", "cursor must be the nextCursor of a previous page of the same query");
    }

    @Override
    public boolean awaitVersion(TenantId tenant, String aggregateId, long version, Duration timeout)
            throws InterruptedException {
        String key = ReadStores.position(tenant.value(), aggregateId);
        return progress.await(() -> {
            try {
                byte[] applied = store(tenant, ReadStores.POSITIONS).get(key);
                return applied != null && ReadStores.decodeLong(applied) >= version;
            } catch (DomainException | InvalidStateStoreException notQueryableYet) {
                return false; // the task is still being assigned or restored: keep waiting
            }
        }, timeout);
    }

    @Override
    public Optional<Position> position(TenantId tenant) {
        return Optional.ofNullable(progress.position(tenant.value()))
                .map(p -> new Position(p.toString(), p.eventTime()));
    }

    /**
     * A tenant's store partition held here. While it is not queryable (assigned a moment ago,
     * restoring, migrating) reading it fails with a DomainException that answers 503.
     */
    private ReadOnlyKeyValueStore<String, byte[]> store(TenantId tenant, String name) {
        Lookup lookup = requireLocal(tenant);
        ReadOnlyKeyValueStore<String, byte[]> known = lookup.stores().get(name);
        if (known != null) {
            return known;
        }
        ReadOnlyKeyValueStore<String, byte[]> store;
        try {
            store = new Guarded(lookup, name, open(lookup, name),
                    ReadStores.VIEWS.equals(name) ? viewCache : ViewCache.off());
        } catch (InvalidStateStoreException e) {
            throw notQueryable(e);
        }
        lookup.stores().put(name, store);
        return store;
    }

    /**
     * The partition's store itself, as the stream thread holds it. A store from {@code streams.store(...)} looks
     * its task up again on every read, under the state updater's lock, which was a tenth of a read by id; this
     * one is checked once and reused until it fails (see {@link Guarded}).
     */
    private ReadOnlyKeyValueStore<String, byte[]> open(Lookup lookup, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, PartitionStore.TYPE)
                .withPartition(lookup.metadata().partition()));
    }

    private static DomainException notQueryable(InvalidStateStoreException e) {
        return new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE,
                "the read side is not ready for this tenant yet (" + e.getMessage() + "); retry in a moment");
    }

    /**
     * Hands out the one store Kafka Streams finds for a name and partition instead of a composite over it. Our
     * stores are plain key-value stores (a timestamped one is refused rather than read without its facade).
     */
    private static final class PartitionStore implements QueryableStoreType<ReadOnlyKeyValueStore<String, byte[]>> {
        static final PartitionStore TYPE = new PartitionStore();

        @Override
        public boolean accepts(StateStore stateStore) {
            return stateStore instanceof ReadOnlyKeyValueStore && !(stateStore instanceof TimestampedKeyValueStore);
        }

        @Override
        public ReadOnlyKeyValueStore<String, byte[]> create(StateStoreProvider provider, String storeName) {
            List<ReadOnlyKeyValueStore<String, byte[]>> stores = provider.stores(storeName, this);
            if (stores.size() != 1) {
                throw new InvalidStateStoreException("expected one partition of " + storeName + ", found " + stores.size());
            }
            return stores.get(0);
        }
    }

    /**
     * A tenant's store partition whose reads turn "not queryable right now" into the 503 the client should see.
     * A store that fails so was closed since it was opened (its task moved, or was closed and revived): the
     * tenant's lookup is dropped and the read is tried once more on the store Kafka Streams holds now.
     * Reads by key go through the store's cache (the views' {@link ViewCache}; off for the other stores).
     */
    private final class Guarded implements ReadOnlyKeyValueStore<String, byte[]> {
        private final Lookup lookup;
        private final String name;
        private final ReadOnlyKeyValueStore<String, byte[]> store;
        private final ViewCache cache;

        Guarded(Lookup lookup, String name, ReadOnlyKeyValueStore<String, byte[]> store, ViewCache cache) {
            this.lookup = lookup;
            this.name = name;
            this.store = store;
            this.cache = cache;
        }

        private <R> R read(Function<ReadOnlyKeyValueStore<String, byte[]>, R> read) {
            try {
                return read.apply(store);
            } catch (InvalidStateStoreException stale) {
                lookups.remove(lookup.tenant().value(), lookup);
                try {
                    Lookup fresh = requireLocal(lookup.tenant());
                    return read.apply(open(fresh, name));
                } catch (InvalidStateStoreException e) {
                    throw notQueryable(e);
                }
            }
        }

        @Override
        public byte[] get(String key) {
            return cache.get(key, k -> read(s -> s.get(k)));
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            return read(s -> s.range(from, to));
        }

        @Override
        public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
            return read(s -> s.reverseRange(from, to));
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return read(ReadOnlyKeyValueStore::all);
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS serializer) {
            return read(s -> s.prefixScan(prefix, serializer));
        }

        @Override
        public long approximateNumEntries() {
            return read(ReadOnlyKeyValueStore::approximateNumEntries);
        }
    }

    private Lookup requireLocal(TenantId tenant) {
        Resolved resolved = resolve(tenant);
        if (!(resolved.location() instanceof Here)) {
            throw new DomainException(ErrorCode.READ_SIDE_UNAVAILABLE, resolved.location() instanceof Unavailable u
                    ? u.reason() + "; retry in a moment" : "this tenant's read models are on another instance");
        }
        return resolved.lookup();
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
