package io.invoiceflow.app.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit marker the repair writes for a transaction its coordinator committed but one partition never got
 * the marker of (ADR 0010): a partition held in an open transaction becomes readable, records included.
 */
class TransactionMarkersIT extends EmbeddedBrokerTestBase {
    private static final TopicPartition PARTITION = new TopicPartition("invoicing.commands", 0);

    @Test
    void shouldMakeTheTransactionsRecordsReadable_whenItsCommitMarkerIsWritten() throws Exception {
        // given a transaction holding a partition open, its records not yet readable
        KafkaProducer<String, String> producer = transactionalProducer();
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(PARTITION.topic(), PARTITION.partition(), "k", "committed by the marker")).get();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ProducerState open = openTransaction(admin);
            assertThat(readCommitted()).isEmpty();

            // when
            TransactionMarkers.commit(broker.bootstrapServers(), PARTITION, open.producerId(),
                    (short) open.producerEpoch(), open.coordinatorEpoch().orElse(-1), 30_000);

            // then the partition is no longer in a transaction, and the record reads as committed
            assertThat(admin.describeProducers(List.of(PARTITION)).partitionResult(PARTITION).get(30, TimeUnit.SECONDS)
                    .activeProducers()).noneMatch(p -> p.currentTransactionStartOffset().isPresent());
            assertThat(readCommitted()).containsExactly("committed by the marker");
        } finally {
            producer.close(Duration.ZERO);
        }
    }

    private ProducerState openTransaction(Admin admin) throws Exception {
        return admin.describeProducers(List.of(PARTITION)).partitionResult(PARTITION).get(30, TimeUnit.SECONDS)
                .activeProducers().stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                .findFirst().orElseThrow();
    }

    private KafkaProducer<String, String> transactionalProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "transaction-markers-it");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private List<String> readCommitted() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            List<String> values = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
