package io.invoiceflow.commands.forwarder;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.EventCatalog;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.nio.charset.StandardCharsets;

import static io.invoiceflow.events.CloudEventHeaders.ACTOR;
import static io.invoiceflow.events.CloudEventHeaders.CONTENT_TYPE;
import static io.invoiceflow.events.CloudEventHeaders.ID;
import static io.invoiceflow.events.CloudEventHeaders.POSITION;
import static io.invoiceflow.events.CloudEventHeaders.REQUEST_ID;
import static io.invoiceflow.events.CloudEventHeaders.SEQUENCE;
import static io.invoiceflow.events.CloudEventHeaders.SOURCE;
import static io.invoiceflow.events.CloudEventHeaders.SPEC_VERSION;
import static io.invoiceflow.events.CloudEventHeaders.SUBJECT;
import static io.invoiceflow.events.CloudEventHeaders.TENANT;
import static io.invoiceflow.events.CloudEventHeaders.TIME;
import static io.invoiceflow.events.CloudEventHeaders.TYPE;

/**
 * Writes a stored event's CloudEvents headers ({@link io.invoiceflow.events.CloudEventHeaders}):
 * binary mode, the JSON event is the record value.
 */
public final class CloudEvents {
    /** Metadata keys every command carries into its events. */
    public static final String META_ACTOR = "actor";
    public static final String META_REQUEST_ID = "requestId";
    public static final String META_TENANT = "tenantId";

    private CloudEvents() {
    }

    static void write(EventMessage<?> message, Headers headers) {
        Class<?> type = message.getPayloadType();
        Object tenant = message.getPayload() instanceof DomainEvent event && event.tenantId() != null
                ? event.tenantId() : message.getMetaData().get(META_TENANT);
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, message.getIdentifier());
        put(headers, TYPE, EventCatalog.cloudEventType(type));
        put(headers, SOURCE, "/invoiceflow/tenants/" + tenant + "/" + EventCatalog.aggregateKindOf(type));
        put(headers, TIME, message.getTimestamp().toString());
        put(headers, CONTENT_TYPE, "application/json");
        put(headers, TENANT, tenant);
        put(headers, ACTOR, message.getMetaData().get(META_ACTOR));
        put(headers, REQUEST_ID, message.getMetaData().get(META_REQUEST_ID));
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            tracked.trackingToken().position().ifPresent(position -> put(headers, POSITION, Long.toString(position)));
        }
        if (message instanceof DomainEventMessage<?> domain) {
            put(headers, SUBJECT, domain.getAggregateIdentifier());
            put(headers, SEQUENCE, Long.toString(domain.getSequenceNumber()));
        }
    }

    private static void put(Headers headers, String key, Object value) {
        if (value != null) {
            headers.add(key, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
