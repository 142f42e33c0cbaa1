package io.invoiceflow.commands;

import io.invoiceflow.commands.forwarder.CloudEvents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who sent a command and in which request: it lands in the metadata of every event the command
 * produces (audit). {@code actor} is a user id, or {@code admin} / {@code system:<component>}.
 */
public record CommandContext(String actor, String requestId, String tenantId) {
    static List<String> metaDataKeys() {
        return List.of(CloudEvents.META_ACTOR, CloudEvents.META_REQUEST_ID, CloudEvents.META_TENANT);
    }

    Map<String, Object> metaData() {
        Map<String, Object> meta = new HashMap<>();
        meta.put(CloudEvents.META_ACTOR, actor);
        meta.put(CloudEvents.META_REQUEST_ID, requestId);
        if (tenantId != null) {
            meta.put(CloudEvents.META_TENANT, tenantId);
        }
        return meta;
    }
}
