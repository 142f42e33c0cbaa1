package io.invoiceflow.app.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** One embedded broker with the app's topics per test class, and a producer configured like the app's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmbeddedBrokerTestBase {
    protected EmbeddedKafkaBroker broker;

    @BeforeAll
    public void startBroker(@TempDir Path dir) {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        TopicAdmin.ensureTopics(broker.bootstrapServers(), TopicAdmin.defaultTopics(3, (short) 1), Duration.ofSeconds(30));
    }

    @AfterAll
    public void stopBroker() {
        broker.close();
    }

    protected Producer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
