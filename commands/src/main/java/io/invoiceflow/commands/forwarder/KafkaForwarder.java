package io.invoiceflow.commands.forwarder;

import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes every stored event to {@code invoicing.events}, keyed by aggregate id, as a CloudEvent
 * in binary mode. It runs in a tracking event processor: records of one batch are sent
 * asynchronously, and the batch commits (and the processor's token advances) only after Kafka has
 * acknowledged all of them. A failure rolls the batch back and it is sent again: at-least-once,
 * consumers de-duplicate by {@code ce_id} or by aggregate id and {@code ce_sequence}.
 */
@ProcessingGroup(KafkaForwarder.PROCESSING_GROUP)
public final class KafkaForwarder {
    public static final String PROCESSING_GROUP = "kafka-forwarder";
    private static final String PENDING = KafkaForwarder.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final long ackTimeoutMillis;
    private final Serializer serializer;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    /** {@code serializer} should be the event store's: then each event is forwarded as stored. */
    public KafkaForwarder(Producer<String, byte[]> producer, Serializer serializer, long ackTimeoutMillis) {
        this.producer = producer;
        this.serializer = serializer;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    /**
     * The body is the event's JSON as the store holds it (after upcasting): with the store's own
     * serializer, Axon hands the stored bytes over without reading the event into an object and
     * writing it again.
     */
    @EventHandler
    void on(EventMessage<?> message) {
        String key = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
        byte[] body = message.serializePayload(serializer, byte[].class).getData();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INVOICING_EVENTS, key, body);
        CloudEvents.write(message, body, record.headers());
        pendingOfThisBatch().add(producer.send(record));
    }

    private List<Future<RecordMetadata>> pendingOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(PENDING, k -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAcks(pending));
            unitOfWork.root().afterCommit(u -> {
                batches.incrementAndGet();
                events.addAndGet(pending.size());
            });
            return pending;
        });
    }

    /** Batches committed so far (each one flushed and acknowledged by Kafka). */
    public long batchesForwarded() {
        return batches.get();
    }

    /** Events forwarded in committed batches (a repeated batch counts again). */
    public long eventsForwarded() {
        return events.get();
    }

    private void awaitAcks(List<Future<RecordMetadata>> pending) {
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : pending) {
                ack.get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ForwardingFailedException("Kafka did not acknowledge a batch; it will be sent again", e);
        }
    }

    /** Kafka refused or did not acknowledge a batch in time. */
    public static final class ForwardingFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForwardingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
