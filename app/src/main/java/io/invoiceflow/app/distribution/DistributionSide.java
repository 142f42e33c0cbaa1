package io.invoiceflow.app.distribution;

import io.invoiceflow.streams.distribution.DistributionTopology;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * The running distribution: its stream processor (a Kafka Streams application of its own, so a
 * rebuild of the read side never touches it), which decides what to send and hands emails to the
 * workers.
 */
public final class DistributionSide implements AutoCloseable {
    public static final String APPLICATION_ID = "invoiceflow-distribution";
    private static final Logger LOG = LoggerFactory.getLogger(DistributionSide.class);
    private static final Duration PUNCTUATION = Duration.ofSeconds(1);

    private final KafkaStreams streams;

    private DistributionSide(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the processor; its internal topics must exist already. */
    public static DistributionSide start(Properties streamsConfig, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        DistributionTopology.build(builder, Stores::persistentKeyValueStore, clock, PUNCTUATION);
        KafkaStreams streams = new KafkaStreams(builder.build(streamsConfig), streamsConfig);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("The distribution's stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new DistributionSide(streams);
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
