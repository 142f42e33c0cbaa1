package io.invoiceflow.streams;

import io.invoiceflow.streams.distribution.DistributionTopology;
import io.invoiceflow.streams.recurring.SchedulerMetrics;
import io.invoiceflow.streams.recurring.SchedulerSettings;
import io.invoiceflow.streams.recurring.SchedulerTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The processors that act on the events rather than only show them: the distribution and the
 * recurring scheduler, in one Kafka Streams application that re-keys {@code invoicing.events} by
 * tenant once for both. Their outputs are commands and emails, so it is never rebuilt together with
 * the read side.
 */
public final class ActingTopology {
    /** Every state store, for pre-creating the changelog topics. */
    public static final List<String> STORES = Stream.concat(DistributionTopology.STORES.stream(),
            SchedulerTopology.STORES.stream()).toList();
    public static final String BY_TENANT = DistributionTopology.BY_TENANT;

    private ActingTopology() {
    }

    public static void build(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> storeSupplier,
                             Clock clock, Duration distributionPunctuation, SchedulerSettings scheduler,
                             SchedulerMetrics schedulerMetrics) {
        KStream<String, byte[]> byTenant = DistributionTopology.byTenant(builder);
        DistributionTopology.attach(builder, byTenant, storeSupplier, clock, distributionPunctuation);
        SchedulerTopology.attach(builder, byTenant, storeSupplier, clock, scheduler, schedulerMetrics);
    }
}
