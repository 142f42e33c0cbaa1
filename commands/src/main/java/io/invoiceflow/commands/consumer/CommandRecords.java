package io.invoiceflow.commands.consumer;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.CloudEventHeaders;
import io.invoiceflow.events.CommandMessages;
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

/** Reads the records of {@code invoicing.commands} ({@link CommandMessages} describes their shape). */
public final class CommandRecords {
    private final Map<String, Class<?>> types;

    /** @param accepted the command types this consumer dispatches; any other type is refused */
    public CommandRecords(List<Class<? extends AggregateCommand>> accepted) {
        this.types = accepted.stream().collect(Collectors.toUnmodifiableMap(CommandMessages::typeOf,
                Function.identity()));
    }

    /** The record that carries {@code command}. */
    public static ProducerRecord<String, byte[]> record(AggregateCommand command, String commandId, String tenantId,
                                                        String actor, String requestId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INVOICING_COMMANDS, command.aggregateId(),
                CommandMessages.body(command));
        CommandMessages.headers(command, commandId, tenantId, actor, requestId)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
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

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
