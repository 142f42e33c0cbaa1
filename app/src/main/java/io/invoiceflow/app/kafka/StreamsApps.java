package io.invoiceflow.app.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The settings and internal topics the app's Kafka Streams applications share. */
public final class StreamsApps {
    private StreamsApps() {
    }

    /**
     * Exactly once ({@code exactly_once_v2}), state under {@code stateDir}, one stream thread (the
     * machines have two cores and more work than streams), reading from the start of the topic.
     *
     * @param self           where this instance answers queries ({@code application.server}); null when it serves none
     * @param sessionTimeout how long the broker waits for a silent (killed) instance before it gives its tasks to another
     */
    public static Properties config(String applicationId, String bootstrapServers, Path stateDir, HostInfo self,
                                    int replicationFactor, Duration sessionTimeout) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        if (self != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        }
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) sessionTimeout.toMillis());
        return props;
    }

    /**
     * The topics Kafka Streams would create for an application: its re-keyed topic
     * ({@code <applicationId>-<repartition>-repartition}) and one changelog per store, with as many
     * partitions as the source topic. Created up front and awaited like the application's own
     * (KAFKA-15591, see {@link TopicAdmin}).
     */
    public static List<NewTopic> internalTopics(String applicationId, String repartition, List<String> stores,
                                                int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(applicationId + "-" + repartition + "-repartition", partitions, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1")));
        for (String store : stores) {
            topics.add(new NewTopic(applicationId + "-" + store + "-changelog", partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        return topics;
    }
}
