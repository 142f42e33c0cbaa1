package io.invoiceflow.commands.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Revision 1 of the distribution events to revision 2 (docs/events.md): a revision 1 distribution is always an
 * invoice's, so {@code orderId} (and {@code DistributionRequested}'s {@code layout}) become null. The stored events
 * stay as they are; the write side, and so the forwarder, read them in the newest shape.
 */
public final class DistributionUpcaster extends SingleEventUpcaster {
    private static final String FROM = "1";
    private static final String TO = "2";
    private static final Set<String> TYPES = Stream.of(DistributionRequested.class, DistributionRendered.class,
            DistributionSent.class, DistributionFailed.class, DistributionBounced.class)
            .map(Class::getName).collect(Collectors.toUnmodifiableSet());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && FROM.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, TO), JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.putNull("orderId");
            if (type.equals(DistributionRequested.class.getName())) {
                event.putNull("layout");
            }
            return event;
        });
    }
}
