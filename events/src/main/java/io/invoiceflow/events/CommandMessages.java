package io.invoiceflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a command travels on {@code invoicing.commands} (from the stream processors to the write
 * side). Key: the target aggregate id, so one aggregate's commands stay in order. Value: the command
 * as JSON (the contract's codec). Headers, named as on the event topic: {@code ce_id} (the command's
 * id), {@code ce_type} ({@code io.invoiceflow.command.<CommandName>}), {@code ce_tenantid},
 * {@code ce_actor} ({@code system:<component>}) and {@code ce_requestid} (what caused it, e.g. the
 * id of the event that triggered it). Kafka-free, so every module builds and reads the same shape.
 */
public final class CommandMessages {
    public static final String TYPE_PREFIX = "io.invoiceflow.command.";

    private CommandMessages() {
    }

    public static String typeOf(Class<?> commandType) {
        return TYPE_PREFIX + commandType.getSimpleName();
    }

    /** The headers of a command's record, in order; absent values are left out. */
    public static Map<String, String> headers(AggregateCommand command, String commandId, String tenantId,
                                              String actor, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, commandId);
        headers.put(CloudEventHeaders.TYPE, typeOf(command.getClass()));
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (tenantId != null) {
            headers.put(CloudEventHeaders.TENANT, tenantId);
        }
        if (actor != null) {
            headers.put(CloudEventHeaders.ACTOR, actor);
        }
        if (requestId != null) {
            headers.put(CloudEventHeaders.REQUEST_ID, requestId);
        }
        return headers;
    }

    public static byte[] body(AggregateCommand command) {
        try {
            return EventJson.mapper().writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + command.getClass().getSimpleName(), e);
        }
    }
}
