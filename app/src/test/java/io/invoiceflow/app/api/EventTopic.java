package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A real {@link KafkaConsumer} on {@code invoicing.events}, read from the beginning by a background
 * thread into memory, so that tests can wait for and inspect the records their requests produced.
 */
final class EventTopic implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<EventRecord> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    EventTopic(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "api-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-it-consumer");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.INVOICING_EVENTS));
        poller = new Thread(this::poll, "api-it-event-topic");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    List<String> headerKeys = new ArrayList<>();
                    for (Header h : r.headers()) {
                        headerKeys.add(h.key());
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new EventRecord(r.partition(), r.offset(), r.key(), r.value(), headers,
                            List.copyOf(headerKeys)));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** Every record read so far, in the order read. */
    List<EventRecord> all() {
        if (failure != null) {
            throw new IllegalStateException("the test consumer failed", failure);
        }
        return List.copyOf(records);
    }

    List<EventRecord> where(Predicate<EventRecord> filter) {
        return all().stream().filter(filter).toList();
    }

    /** The records keyed by {@code aggregateId}, in topic order. */
    List<EventRecord> ofAggregate(String aggregateId) {
        return where(r -> aggregateId.equals(r.key()));
    }

    List<EventRecord> ofRequest(String requestId) {
        return where(r -> requestId.equals(r.header("ce_requestid")));
    }

    /** Waits (bounded) until the request's events have arrived and returns them. */
    List<EventRecord> awaitRequest(String requestId) {
        return await("events of request " + requestId).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> ofRequest(requestId), list -> !list.isEmpty());
    }

    /** Waits (bounded) until {@code count} records with the key {@code aggregateId} have arrived. */
    List<EventRecord> awaitAggregate(String aggregateId, int count) {
        return await("events of aggregate " + aggregateId).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> ofAggregate(aggregateId), list -> list.size() >= count);
    }

    /** Whether any record read so far carries one of the request ids. */
    List<EventRecord> ofAnyRequest(Collection<String> requestIds) {
        return where(r -> requestIds.contains(r.header("ce_requestid")));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One consumed record with its headers decoded as UTF-8. */
    record EventRecord(int partition, long offset, String key, byte[] value, Map<String, String> headers,
                       List<String> headerKeys) {
        String header(String name) {
            return headers.get(name);
        }

        String type() {
            return header("ce_type");
        }

        String valueText() {
            return value == null ? "" : new String(value, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return ApiResponse.JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException("record value is not JSON: " + valueText(), e);
            }
        }

        @Override
        public String toString() {
            return "EventRecord[" + partition + "@" + offset + " key=" + key + " type=" + type() + " seq="
                    + header("ce_sequence") + " request=" + header("ce_requestid") + "]";
        }
    }
}
