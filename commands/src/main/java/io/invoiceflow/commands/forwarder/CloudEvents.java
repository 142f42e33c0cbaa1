package io.invoiceflow.commands.forwarder;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.EventCatalog;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.nio.charset.StandardCharsets;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as {@code ce_*}
 * headers, the JSON event is the record value. Extensions: {@code ce_tenantid},
 * {@code ce_actor}, {@code ce_requestid} and {@code ce_sequence} (the event's sequence number
 * within its aggregate, from 0, for de-duplication and ordering checks).
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String TENANT = "ce_tenantid";
    public static final String ACTOR = "ce_actor";
    public static final String REQUEST_ID = "ce_requestid";
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";

    /** Metadata keys every command carries into its events. */
    public static final String META_ACTOR = "actor";
    public static final String META_REQUEST_ID = "requestId";
    public static final String META_TENANT = "tenantId";

    private CloudEvents() {
    }

    /** {@code io.invoiceflow.invoice.InvoiceFinalized.v1} */
    public static String typeOf(Class<?> payloadType) {
        return "io.invoiceflow." + EventCatalog.aggregateKindOf(payloadType) + "." + payloadType.getSimpleName()
                + ".v" + EventCatalog.revisionOf(payloadType);
    }

    static void write(EventMessage<?> message, Headers headers) {
        Class<?> type = message.getPayloadType();
        Object tenant = message.getPayload() instanceof DomainEvent event && event.tenantId() != null
                ? event.tenantId() : message.getMetaData().get(META_TENANT);
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, message.getIdentifier());
        put(headers, TYPE, typeOf(type));
        put(headers, SOURCE, "/invoiceflow/tenants/" + tenant + "/" + EventCatalog.aggregateKindOf(type));
        put(headers, TIME, message.getTimestamp().toString());
        put(headers, CONTENT_TYPE, "application/json");
        put(headers, TENANT, tenant);
        put(headers, ACTOR, message.getMetaData().get(META_ACTOR));
        put(headers, REQUEST_ID, message.getMetaData().get(META_REQUEST_ID));
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
