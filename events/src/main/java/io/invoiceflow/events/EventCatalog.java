package io.invoiceflow.events;

import io.invoiceflow.events.creditnote.CreditNoteEvent;
import io.invoiceflow.events.customer.CustomerEvent;
import io.invoiceflow.events.distribution.DistributionEvent;
import io.invoiceflow.events.distributionlist.DistributionListEvent;
import io.invoiceflow.events.frequency.FrequencyEvent;
import io.invoiceflow.events.invoice.InvoiceEvent;
import io.invoiceflow.events.order.OrderEvent;
import io.invoiceflow.events.product.ProductEvent;
import io.invoiceflow.events.recurring.RecurringEvent;
import io.invoiceflow.events.settings.DistributionSettingsEvent;
import io.invoiceflow.events.tenant.TenantEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every event type of the contract, read off the sealed interfaces so that it cannot drift. */
public final class EventCatalog {
    private static final List<Class<?>> AGGREGATE_EVENTS = List.of(
            TenantEvent.class, CustomerEvent.class, ProductEvent.class, OrderEvent.class,
            InvoiceEvent.class, CreditNoteEvent.class, FrequencyEvent.class, DistributionEvent.class,
            DistributionListEvent.class, DistributionSettingsEvent.class, RecurringEvent.class);

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

    /** The CloudEvents type of an event class: {@code io.invoiceflow.invoice.InvoiceFinalized.v1}. */
    public static String cloudEventType(Class<?> eventType) {
        return cloudEventType(eventType, revisionOf(eventType));
    }

    private static String cloudEventType(Class<?> eventType, String revision) {
        return "io.invoiceflow." + aggregateKindOf(eventType) + "." + eventType.getSimpleName() + ".v" + revision;
    }

    /** The earlier revisions the event type still reads as they are ({@link EventRevision#reads()}). */
    public static List<String> olderRevisionsOf(Class<?> eventType) {
        EventRevision revision = eventType.getAnnotation(EventRevision.class);
        return revision == null ? List.of() : List.of(revision.reads());
    }

    /**
     * The event class of a CloudEvents type, if this version of the contract knows it: its current revision or
     * an earlier one the class still reads.
     */
    public static Optional<Class<?>> eventTypeOf(String cloudEventType) {
        return Optional.ofNullable(ByCloudEventType.TYPES.get(cloudEventType));
    }

    private static final class ByCloudEventType {
        static final Map<String, Class<?>> TYPES = eventTypes().stream()
                .flatMap(type -> Stream.concat(Stream.of(cloudEventType(type)), olderRevisionsOf(type).stream()
                        .map(older -> cloudEventType(type, older))).map(ceType -> Map.entry(ceType, type)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
