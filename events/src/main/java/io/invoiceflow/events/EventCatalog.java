package io.invoiceflow.events;

import io.invoiceflow.events.creditnote.CreditNoteEvent;
import io.invoiceflow.events.customer.CustomerEvent;
import io.invoiceflow.events.frequency.FrequencyEvent;
import io.invoiceflow.events.invoice.InvoiceEvent;
import io.invoiceflow.events.order.OrderEvent;
import io.invoiceflow.events.product.ProductEvent;
import io.invoiceflow.events.tenant.TenantEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Every event type of the contract, read off the sealed interfaces so that it cannot drift. */
public final class EventCatalog {
    private static final List<Class<?>> AGGREGATE_EVENTS = List.of(
            TenantEvent.class, CustomerEvent.class, ProductEvent.class, OrderEvent.class,
            InvoiceEvent.class, CreditNoteEvent.class, FrequencyEvent.class);

    private EventCatalog() {
    }

    public static List<Class<?>> eventTypes() {
        return AGGREGATE_EVENTS.stream()
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()))
                .toList();
    }

    /** The event's revision from {@link EventRevision}; every contract event has one. */
    public static String revisionOf(Class<?> eventType) {
        EventRevision revision = eventType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }

    /** The aggregate kind an event type belongs to, e.g. {@code invoice} for {@code InvoiceFinalized}. */
    public static String aggregateKindOf(Class<?> eventType) {
        return Arrays.stream(eventType.getInterfaces())
                .filter(AGGREGATE_EVENTS::contains)
                .findFirst()
                .map(i -> i.getSimpleName().replace("Event", "").toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException(eventType + " is not a contract event"));
    }
}
