package io.invoiceflow.app.kafka;

import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RECORD_COUNT = 1_000;
    private static final int PARTITIONS = 3;
    private static final short REPLICATION_FACTOR = 1;

    @TempDir
    static Path sharedLogDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSharedBroker() {
        broker = EmbeddedKafkaBroker.start(sharedLogDir);
    }

    @AfterAll
    static void stopSharedBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldReadEveryRecord_whenProducingRightAfterTopicCreation() throws Exception {
        // given
        TopicAdmin.ensureTopics(broker.bootstrapServers(), TopicAdmin.defaultTopics(PARTITIONS, REPLICATION_FACTOR), TIMEOUT);

        // when
        List<String> sent = produceIdempotently(broker.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT);

        // then
        List<Received> read = readAll(broker.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT, "read_uncommitted");
        assertThat(read).extracting(Received::value).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void shouldKeepRecords_whenBrokerRestartsOnTheSameDirectory(@TempDir Path logDir) throws Exception {
        // given
        String clusterId;
        String address;
        List<Received> beforeRestart;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(logDir)) {
            TopicAdmin.ensureTopics(first.bootstrapServers(), TopicAdmin.defaultTopics(PARTITIONS, REPLICATION_FACTOR), TIMEOUT);
            produceIdempotently(first.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT);
            beforeRestart = readAll(first.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT, "read_uncommitted");
            clusterId = first.clusterId();
            address = first.bootstrapServers();
        }
        assertThat(beforeRestart).hasSize(RECORD_COUNT);

        // when
        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(logDir)) {
            TopicAdmin.ensureTopics(restarted.bootstrapServers(), TopicAdmin.defaultTopics(PARTITIONS, REPLICATION_FACTOR), TIMEOUT);
            List<Received> afterRestart = readAll(restarted.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT, "read_uncommitted");

            // then it answers where it did before, with the same records
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(restarted.bootstrapServers()).isEqualTo(address);
            assertThat(afterRestart).isEqualTo(beforeRestart);
        }
    }

    @Test
    void shouldMoveToAnotherPortAndKeepRecords_whenItsPreviousPortIsTaken(@TempDir Path logDir) throws Exception {
        // given a broker that ran once, and its port taken by another program
        String address;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(logDir)) {
            TopicAdmin.ensureTopics(first.bootstrapServers(), TopicAdmin.defaultTopics(PARTITIONS, REPLICATION_FACTOR), TIMEOUT);
            produceIdempotently(first.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT);
            address = first.bootstrapServers();
        }
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {

            // when
            try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(logDir)) {
                List<Received> records = readAll(restarted.bootstrapServers(), Topics.INVOICING_EVENTS, RECORD_COUNT,
                        "read_uncommitted");

                // then
                assertThat(restarted.bootstrapServers()).isNotEqualTo(address);
                assertThat(records).hasSize(RECORD_COUNT);
            }
        }
    }

    @Test
    void shouldShowOnlyCommittedRecords_whenReadCommittedConsumerReadsTransactionalWrites() {
        // given
        String topic = "it.transactions";
        TopicAdmin.ensureTopics(broker.bootstrapServers(), List.of(new NewTopic(topic, 1, REPLICATION_FACTOR)), TIMEOUT);
        List<String> committed = IntStream.range(0, 10).mapToObj(i -> "committed-" + i).toList();
        try (KafkaProducer<String, String> producer = transactionalProducer(broker.bootstrapServers())) {
            producer.initTransactions();
            producer.beginTransaction();
            IntStream.range(0, 10).forEach(i -> producer.send(new ProducerRecord<>(topic, "key", "aborted-" + i)));
            producer.flush();
            producer.abortTransaction();

            // when
            producer.beginTransaction();
            committed.forEach(value -> producer.send(new ProducerRecord<>(topic, "key", value)));
            producer.commitTransaction();
        }

        // then
        List<Received> read = readAll(broker.bootstrapServers(), topic, committed.size(), "read_committed");
        assertThat(read).extracting(Received::value).containsExactlyElementsOf(committed);
    }

    private static List<String> produceIdempotently(String bootstrapServers, String topic, int count)
            throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
        List<String> values = IntStream.range(0, count).mapToObj(i -> "value-" + i).toList();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, values.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        return values;
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads from the start of {@code topic} in a new consumer group until {@code expected} records arrived or time is up. */
    private static List<Received> readAll(String bootstrapServers, String topic, int expected, String isolationLevel) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        List<Received> received = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        received.add(new Received(record.partition(), record.offset(), record.key(), record.value())));
            }
        }
        received.sort(Comparator.comparingInt(Received::partition).thenComparingLong(Received::offset));
        return received;
    }

    private record Received(int partition, long offset, String key, String value) {
    }
}
