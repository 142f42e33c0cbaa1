package io.invoiceflow.projections;

import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The read side's topology: {@code invoicing.events} re-keyed by tenant (one tenant's events then
 * meet in one partition, in their per-aggregate order), then folded into the stores of
 * {@link ReadStores}. A pure builder: the {@code KafkaStreams} lifecycle lives in the app.
 */
public final class ProjectionsTopology {
    /** The name of the re-keyed topic's processor node; its topic is {@code <application.id>-by-tenant-repartition}. */
    public static final String BY_TENANT = "by-tenant";
    public static final List<String> STORES = List.of(ReadStores.VIEWS, ReadStores.HISTORY, ReadStores.AUDIT,
            ReadStores.POSITIONS, ReadStores.STATES);

    private ProjectionsTopology() {
    }

    /**
     * Adds the topology to {@code builder}.
     *
     * @param storeSupplier persistent (RocksDB) stores in production; in-memory ones are fine in tests
     * @param viewCache     told of every write to the views store, for the queries that read through it
     */
    public static void build(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> storeSupplier,
                             InvoiceLists lists, ViewCache viewCache, Progress progress, Clock clock) {
        for (String store : STORES) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    storeSupplier.apply(store), Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
        }
        builder.stream(Topics.INVOICING_EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
                .process(ByTenant::new, Named.as("key-by-tenant"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(BY_TENANT))
                .process(() -> new FoldProcessor(lists, viewCache, progress, clock), Named.as("fold"),
                        STORES.toArray(String[]::new));
    }

    /** Keys each event by its tenant ({@code ce_tenantid}); a record without one goes on under its own key and is reported by the fold. */
    public static final class ByTenant extends ContextualProcessor<String, byte[], String, byte[]> {
        @Override
        public void process(Record<String, byte[]> record) {
            Header tenant = record.headers().lastHeader(CloudEventHeaders.TENANT);
            String key = tenant == null || tenant.value() == null ? record.key()
                    : new String(tenant.value(), StandardCharsets.UTF_8);
            context().forward(record.withKey(key));
        }
    }
}
