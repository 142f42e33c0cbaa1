package io.invoiceflow.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.EventCatalog;
import io.invoiceflow.events.EventJson;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Reads an {@link EventEnvelope} off a record of {@code invoicing.events}. */
public final class Envelopes {
    private static final ObjectMapper JSON = EventJson.mapper();

    private Envelopes() {
    }

    /**
     * The envelope, or empty when the record is not a readable Invoiceflow event (no CloudEvents
     * headers, a type outside {@code io.invoiceflow.*}, a body that is not JSON).
     */
    public static Optional<EventEnvelope> read(String key, byte[] value, Headers headers) {
        String type = header(headers, CloudEventHeaders.TYPE);
        String id = header(headers, CloudEventHeaders.ID);
        String sequence = header(headers, CloudEventHeaders.SEQUENCE);
        String time = header(headers, CloudEventHeaders.TIME);
        if (type == null || id == null || sequence == null || time == null || value == null
                || !type.startsWith("io.invoiceflow.") || !type.contains(".v")) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(value);
            Optional<Class<?>> known = EventCatalog.eventTypeOf(type);
            Object payload = known.isPresent() ? JSON.treeToValue(tree, known.get()) : tree;
            String tenant = header(headers, CloudEventHeaders.TENANT);
            if (tree.hasNonNull("tenantId")) {
                tenant = tree.get("tenantId").asText(); // the payload is authoritative (docs/events.md)
            }
            String subject = header(headers, CloudEventHeaders.SUBJECT);
            String kind = type.substring("io.invoiceflow.".length(), type.indexOf('.', "io.invoiceflow.".length()));
            String position = header(headers, CloudEventHeaders.POSITION);
            return Optional.of(new EventEnvelope(id, type, kind, subject != null ? subject : key,
                    Long.parseLong(sequence), Instant.parse(time), position == null ? null : Long.valueOf(position),
                    tenant, header(headers, CloudEventHeaders.ACTOR), header(headers, CloudEventHeaders.REQUEST_ID),
                    payload));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
