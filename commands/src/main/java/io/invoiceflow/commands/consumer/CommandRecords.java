package io.invoiceflow.commands.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The records of {@code invoicing.commands}: a command the stream processors send the write side.
 * Key: the target aggregate id (one aggregate's commands stay in order). Value: the command as JSON
 * (the contract's codec). Headers, as on the event topic: {@code ce_id} (the command's id, for logs
 * and de-duplication), {@code ce_type} ({@code io.invoiceflow.command.<CommandName>}),
 * {@code ce_tenantid}, {@code ce_actor} ({@code system:<component>}) and {@code ce_requestid}
 * (what caused it, e.g. the event id that triggered it).
 */
public final class CommandRecords {
    public static final String TYPE_PREFIX = "io.invoiceflow.command.";

    private final Map<String, Class<?>> types;

    /** @param accepted the command types this consumer dispatches; any other type is refused */
    public CommandRecords(List<Class<? extends AggregateCommand>> accepted) {
        this.types = accepted.stream().collect(Collectors.toUnmodifiableMap(CommandRecords::typeOf, Function.identity()));
    }

    public static String typeOf(Class<?> commandType) {
        return TYPE_PREFIX + commandType.getSimpleName();
    }

    /** The record that carries {@code command}. */
    public static ProducerRecord<String, byte[]> record(AggregateCommand command, String commandId, String tenantId,
                                                        String actor, String requestId) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INVOICING_COMMANDS,
                    command.aggregateId(), EventJson.mapper().writeValueAsBytes(command));
            put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
            put(record.headers(), CloudEventHeaders.ID, commandId);
            put(record.headers(), CloudEventHeaders.TYPE, typeOf(command.getClass()));
            put(record.headers(), CloudEventHeaders.TENANT, tenantId);
            put(record.headers(), CloudEventHeaders.ACTOR, actor);
            put(record.headers(), CloudEventHeaders.REQUEST_ID, requestId);
            put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + command.getClass().getSimpleName(), e);
        }
    }

    /** A command read off the topic, with who sent it and why. */
    public record Received(Object command, String commandId, String tenantId, String actor, String requestId) {
    }

    /** The command in a record, or empty (with the reason logged by the caller) when it is not one this consumer accepts. */
    public Optional<Received> read(Headers headers, byte[] value) throws IOException {
        String type = header(headers, CloudEventHeaders.TYPE);
        Class<?> commandType = type == null ? null : types.get(type);
        if (commandType == null || value == null) {
            return Optional.empty();
        }
        Object command = EventJson.mapper().readValue(value, commandType);
        return Optional.of(new Received(command, header(headers, CloudEventHeaders.ID),
                header(headers, CloudEventHeaders.TENANT), header(headers, CloudEventHeaders.ACTOR),
                header(headers, CloudEventHeaders.REQUEST_ID)));
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
