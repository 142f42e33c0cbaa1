package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.Topics;
import io.invoiceflow.projections.ProjectionsTopology;
import io.invoiceflow.streams.ActingTopology;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The distribution's topology: {@code invoicing.events} re-keyed by tenant, folded and acted on by
 * {@link DistributionProcessor}, whose output goes to {@code invoicing.commands} (requests and
 * failures for the write side) and {@code invoicing.distribution-jobs} (emails for the workers). A
 * pure builder; it runs with the scheduler as its own Kafka Streams application ({@link ActingTopology}),
 * so a rebuild of the read side never touches it (and a rebuild of it only sends what is still unsent:
 * the write side refuses the rest).
 */
public final class DistributionTopology {
    public static final String BY_TENANT = "by-tenant";
    static final String POSITIONS = "distribution-positions";
    static final String INVOICES = "distribution-invoices";
    static final String ORDERS = "distribution-orders";
    static final String TENANTS = "distribution-tenants";
    static final String LIST = "distribution-list";
    static final String JOBS = "distribution-jobs";
    static final String DUE = "distribution-due";
    static final String SUMMARY_LINES = "distribution-summary-lines";
    static final String SUMMARY_DAYS = "distribution-summary-days";
    public static final List<String> STORES = List.of(POSITIONS, INVOICES, ORDERS, TENANTS, LIST, JOBS, DUE,
            SUMMARY_LINES, SUMMARY_DAYS);

    private DistributionTopology() {
    }

    /** A topology of the distribution alone (tests); the app runs it with the scheduler, {@link ActingTopology}. */
    public static void build(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> storeSupplier,
                             Clock clock, Duration punctuation) {
        attach(builder, byTenant(builder), storeSupplier, clock, punctuation);
    }

    /** {@code invoicing.events} re-keyed by tenant through the repartition topic {@link #BY_TENANT}. */
    public static KStream<String, byte[]> byTenant(StreamsBuilder builder) {
        return builder.stream(Topics.INVOICING_EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("events"))
                .process(ProjectionsTopology.ByTenant::new, Named.as("key-by-tenant"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(BY_TENANT));
    }

    /** Adds the distribution to {@code builder}, reading {@code byTenant} (the events keyed by tenant). */
    public static void attach(StreamsBuilder builder, KStream<String, byte[]> byTenant,
                              Function<String, KeyValueBytesStoreSupplier> storeSupplier, Clock clock,
                              Duration punctuation) {
        for (String store : STORES) {
            builder.addStateStore(Stores.keyValueStoreBuilder(storeSupplier.apply(store), Serdes.String(),
                    Serdes.ByteArray()).withCachingDisabled());
        }
        byTenant.process(() -> new DistributionProcessor(clock, punctuation), Named.as("distribute"),
                        STORES.toArray(String[]::new))
                .to((key, value, context) -> route(context.headers().lastHeader(DistributionProcessor.ROUTE)),
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("out"));
    }

    private static String route(Header header) {
        if (header == null) {
            throw new IllegalStateException("the distribution processor forwarded a record without a route");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
