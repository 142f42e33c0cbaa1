package io.invoiceflow.app.reads;

import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.forwarder.CloudEvents;
import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.EventCatalog;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringEvent;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.InvoicingActivated;
import io.invoiceflow.events.tenant.InvoicingDeactivated;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.UserCreated;
import io.invoiceflow.projections.EventEnvelope;
import io.invoiceflow.projections.recurring.RecurringDetails;
import io.invoiceflow.projections.recurring.RecurringFolds;
import io.invoiceflow.projections.recurring.RecurringQueries;
import io.invoiceflow.projections.recurring.RecurringView;
import io.invoiceflow.projections.views.Folds;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.RecurringSchedule;
import io.invoiceflow.web.api.Queries;
import io.invoiceflow.web.api.Versioned;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Queries answered from the write side: an aggregate's view is its events folded in order, so a
 * response always reflects every command that has returned (read-your-writes). Lists come from the
 * write side's directory. The Kafka Streams projections of the read side take over the invoice
 * list, history and dashboards.
 */
public final class WriteSideQueries implements Queries {
    private final WriteSide writeSide;
    private final Directory directory;
    private final Clock clock;
    private final WriteSideQueries written; // the asWritten() twin of this instance; itself if it is the twin

    /** @param clock gives the tenant's today, from which a recurring schedule's next occurrences are listed */
    public WriteSideQueries(WriteSide writeSide, Clock clock) {
        this.writeSide = writeSide;
        this.directory = writeSide.directory();
        this.clock = clock;
        this.written = new WriteSideQueries(this);
    }

    private WriteSideQueries(WriteSideQueries fromStore) {
        this.writeSide = fromStore.writeSide;
        this.directory = fromStore.directory;
        this.clock = fromStore.clock;
        this.written = this;
    }

    @Override
    public Optional<Versioned<Object>> tenant(TenantId tenantId) {
        List<? extends DomainEventMessage<?>> events = writeSide.events(tenantId.value());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof TenantCreated created)) {
            return Optional.empty();
        }
        boolean active = true;
        List<Views.UserView> users = new ArrayList<>();
        for (DomainEventMessage<?> e : events) {
            Object p = e.getPayload();
            if (p instanceof InvoicingDeactivated) {
                active = false;
            } else if (p instanceof InvoicingActivated) {
                active = true;
            } else if (p instanceof UserCreated u) {
                users.add(new Views.UserView(u.userId().value(), u.name(), u.email(), u.roles(), u.apiKeyPrefix(),
                        actor(e), e.getTimestamp()));
            }
        }
        return versioned(new Views.TenantView(tenantId.value(), created.profile(), active, users,
                events.get(0).getTimestamp()), events);
    }

    @Override
    public Optional<Versioned<Object>> customer(TenantId tenantId, CustomerNumber number) {
        return directory.customer(tenantId, number)
                .map(c -> new Versioned<>(customerView(number, c.value()), c.version()));
    }

    @Override
    public List<Object> customers(TenantId tenantId, String after, int limit) {
        return directory.customers(tenantId, after, limit).stream()
                .map(c -> (Object) customerView(c.customerNumber(), c.details())).toList();
    }

    private static Map<String, Object> customerView(CustomerNumber number, io.invoiceflow.events.customer.CustomerDetails d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("customerNumber", number.value());
        view.put("name", d.name());
        view.put("organisationNumber", d.organisationNumber());
        view.put("invoiceLanguage", d.invoiceLanguage());
        view.put("email", d.email());
        view.put("billingAddress", d.billingAddress());
        view.put("contacts", d.contacts());
        return view;
    }

    @Override
    public Optional<Versioned<Object>> product(TenantId tenantId, ProductCode code) {
        return directory.product(tenantId, code).map(p -> new Versioned<>(productView(code, p.value()), p.version()));
    }

    @Override
    public List<Object> products(TenantId tenantId) {
        return directory.products(tenantId).stream().map(p -> (Object) productView(p.productCode(), p.details())).toList();
    }

    private static Map<String, Object> productView(ProductCode code, io.invoiceflow.events.product.ProductDetails d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("productCode", code.value());
        view.put("name", d.name());
        view.put("unit", d.unit());
        view.put("unitPrice", d.unitPrice());
        view.put("vatRate", d.vatRate());
        return view;
    }

    @Override
    public Optional<Versioned<Object>> invoice(TenantId tenantId, InvoiceId invoiceId) {
        return fold(tenantId, invoiceId.value(), Folds::invoice);
    }

    @Override
    public Optional<Versioned<Object>> order(TenantId tenantId, OrderId orderId) {
        return fold(tenantId, orderId.value(), Folds::order);
    }

    @Override
    public Optional<Versioned<Object>> creditNote(TenantId tenantId, CreditNoteId creditNoteId) {
        return fold(tenantId, creditNoteId.value(), Folds::creditNote);
    }

    /**
     * The schedule folded from its events with the read side's steps; the invoices it produced are left
     * to the read side ({@code invoices} null).
     */
    @Override
    public Optional<Versioned<Object>> recurring(TenantId tenantId, RecurringId recurringId) {
        List<? extends DomainEventMessage<?>> events = history(recurringId.value());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof RecurringCreated created)
                || !created.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        TenantRecord tenant = directory.requireTenant(tenantId);
        LocalDate today = tenant.today(clock);
        RecurringView view = null;
        RecurringSchedule schedule = RecurringSchedule.of(created);
        Map<LocalDate, Set<CustomerNumber>> issued = new HashMap<>();
        for (DomainEventMessage<?> event : events) {
            view = RecurringFolds.view(view, envelope(event));
            RecurringEvent e = (RecurringEvent) event.getPayload();
            schedule = schedule.apply(e);
            if (e instanceof OccurrenceIssued o && !o.occurrenceDate().isBefore(today)) {
                issued.computeIfAbsent(o.occurrenceDate(), d -> new HashSet<>()).add(o.customerNumber());
            }
        }
        return versioned(RecurringDetails.of(view, schedule.subscribers(), today, issued,
                NameLanguage.orEnglish(tenant.profile().defaultLanguage()), RecurringQueries.DEFAULT_NEXT, null), events);
    }

    @Override
    public Optional<Long> lastVersion(String aggregateId) {
        return writeSide.axon().eventStore().lastSequenceNumberFor(aggregateId);
    }

    /** The aggregate's view: its events folded in order, if it exists in this tenant. */
    private <V> Optional<Versioned<Object>> fold(TenantId tenantId, String aggregateId,
                                                 BiFunction<V, EventEnvelope, V> step) {
        List<? extends DomainEventMessage<?>> events = history(aggregateId);
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof DomainEvent first)
                || !first.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        V view = null;
        for (DomainEventMessage<?> event : events) {
            view = step.apply(view, envelope(event));
        }
        return view == null ? Optional.empty() : versioned(view, events);
    }

    @Override
    public Queries asWritten() {
        return written;
    }

    /** An aggregate's events: as the store holds them, or as this thread's last command left them. */
    private List<? extends DomainEventMessage<?>> history(String aggregateId) {
        return written == this ? writeSide.eventsAsWritten(aggregateId) : writeSide.events(aggregateId);
    }

    private static EventEnvelope envelope(DomainEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        Object tenant = event.getPayload() instanceof DomainEvent e ? e.tenantId().value() : null;
        Object requestId = event.getMetaData().get(CloudEvents.META_REQUEST_ID);
        return new EventEnvelope(event.getIdentifier(), EventCatalog.cloudEventType(type),
                EventCatalog.aggregateKindOf(type), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), null, (String) tenant, actor(event),
                requestId == null ? null : requestId.toString(), event.getPayload());
    }

    private static Optional<Versioned<Object>> versioned(Object view, List<? extends DomainEventMessage<?>> events) {
        return Optional.of(new Versioned<>(view, events.get(events.size() - 1).getSequenceNumber()));
    }

    private static String actor(DomainEventMessage<?> event) {
        Object actor = event.getMetaData().get(CloudEvents.META_ACTOR);
        return actor == null ? null : actor.toString();
    }
}
