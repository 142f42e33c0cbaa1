package io.invoiceflow.events;

/**
 * The Kafka headers of a record on {@code invoicing.events}: CloudEvents 1.0, Kafka protocol binding,
 * binary mode (see docs/events.md). Extensions: {@code ce_tenantid}, {@code ce_actor},
 * {@code ce_requestid}, {@code ce_sequence} (the event's sequence number within its aggregate,
 * from 0) and {@code ce_position}. Values are UTF-8 strings.
 */
public final class CloudEventHeaders {
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
    /**
     * Extension: the event's position in the event store's global order. It increases with every
     * stored event (possibly with gaps), so it orders events of different aggregates that share a
     * timestamp, e.g. the events of one command.
     */
    public static final String POSITION = "ce_position";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
