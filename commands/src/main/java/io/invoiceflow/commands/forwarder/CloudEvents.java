package io.invoiceflow.commands.forwarder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.EventCatalog;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static final JsonFactory JSON = new JsonFactory();

    private CloudEvents() {
    }

    /** {@code body} is the event's JSON, the record value: a domain event's tenant is read from it. */
    static void write(EventMessage<?> message, byte[] body, Headers headers) {
        Class<?> type = message.getPayloadType();
        String ofEvent = DomainEvent.class.isAssignableFrom(type) ? tenantOf(body) : null;
        Object tenant = ofEvent != null ? ofEvent : message.getMetaData().get(META_TENANT);
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

    /** The top-level {@code tenantId} of an event's JSON, without binding the event; null if absent. */
    static String tenantOf(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("tenantId")) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("an event's stored JSON cannot be read", e);
        }
    }

    private static void put(Headers headers, String key, Object value) {
        if (value != null) {
            headers.add(key, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
