package io.invoiceflow.projections;

import java.time.Instant;

/**
 * One event as the read side sees it: the CloudEvents attributes of its Kafka record and its payload,
 * decoded to the contract's record when this version of the contract knows the type, else a JSON tree
 * (an event type newer than this code is kept in the history, never dropped).
 *
 * @param type          the CloudEvents type, e.g. {@code io.invoiceflow.invoice.InvoiceFinalized.v1}
 * @param aggregateKind {@code invoice}, {@code order}, ... (from the type)
 * @param sequence      the event's number within its aggregate, from 0
 * @param time          when the write side applied it
 * @param actor         who sent the command: a user id, {@code admin} or {@code system:<component>}
 * @param position      the event's position in the event store's global order ({@code ce_position}); orders
 *                      events of different aggregates with the same time; null when unknown
 */
public record EventEnvelope(String eventId, String type, String aggregateKind, String aggregateId, long sequence,
                            Instant time, Long position, String tenantId, String actor, String requestId,
                            Object payload) {

    /** The event's simple name, e.g. {@code InvoiceFinalized}. */
    public String eventName() {
        int end = type.lastIndexOf(".v");
        int start = type.lastIndexOf('.', end - 1);
        return type.substring(start + 1, end);
    }
}
