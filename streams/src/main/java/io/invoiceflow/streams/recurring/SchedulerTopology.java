package io.invoiceflow.streams.recurring;

import io.invoiceflow.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The scheduler's part of a topology: the tenant-keyed event stream folded by
 * {@link SchedulerProcessor}, whose {@code IssueOccurrence} commands go to {@code invoicing.commands}.
 */
public final class SchedulerTopology {
    static final String POSITIONS = "scheduler-positions";
    static final String ZONES = "scheduler-zones";
    static final String SCHEDULES = "scheduler-schedules";
    static final String DUE = "scheduler-due";
    public static final List<String> STORES = List.of(POSITIONS, ZONES, SCHEDULES, DUE);

    private SchedulerTopology() {
    }

    /** Adds the scheduler to {@code builder}, reading {@code byTenant} (the events keyed by tenant). */
    public static void attach(StreamsBuilder builder, KStream<String, byte[]> byTenant,
                              Function<String, KeyValueBytesStoreSupplier> storeSupplier, Clock clock,
                              SchedulerSettings settings, SchedulerMetrics metrics) {
        for (String store : STORES) {
            builder.addStateStore(Stores.keyValueStoreBuilder(storeSupplier.apply(store), Serdes.String(),
                    Serdes.ByteArray()).withCachingDisabled());
        }
        byTenant.process(() -> new SchedulerProcessor(clock, settings, metrics), Named.as("schedule"),
                        STORES.toArray(String[]::new))
                .to(Topics.INVOICING_COMMANDS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("occurrences"));
    }
}
