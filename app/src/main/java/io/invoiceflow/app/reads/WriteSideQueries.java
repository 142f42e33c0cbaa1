package io.invoiceflow.app.reads;

import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceCredited;
import io.invoiceflow.events.invoice.InvoiceDraftChanged;
import io.invoiceflow.events.invoice.InvoiceDraftDeleted;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.InvoiceVoided;
import io.invoiceflow.events.order.OrderChanged;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderInvoiced;
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
import io.invoiceflow.commands.forwarder.CloudEvents;
import io.invoiceflow.web.api.Queries;
import io.invoiceflow.web.api.Versioned;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries answered from the write side: an aggregate's view is its events folded in order, so a
 * response always reflects every command that has returned (read-your-writes). Lists come from the
 * write side's directory. The Kafka Streams projections of the read side take over the invoice
 * list, history and dashboards.
 */
public final class WriteSideQueries implements Queries {
    private final WriteSide writeSide;
    private final Directory directory;

    public WriteSideQueries(WriteSide writeSide) {
        this.writeSide = writeSide;
        this.directory = writeSide.directory();
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
        List<? extends DomainEventMessage<?>> events = writeSide.events(invoiceId.value());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof InvoiceDrafted drafted)
                || !drafted.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        InvoiceContent content = drafted.content();
        String status = "DRAFT";
        String number = null;
        Instant finalizedAt = null;
        LocalDate paymentDate = null;
        BigDecimal paidAmount = null;
        String voidReason = null;
        List<Views.CreditNoteRef> credits = new ArrayList<>();
        for (DomainEventMessage<?> e : events) {
            Object p = e.getPayload();
            if (p instanceof InvoiceDraftChanged changed) {
                content = changed.content();
            } else if (p instanceof InvoiceDraftDeleted) {
                return Optional.empty();
            } else if (p instanceof InvoiceFinalized f) {
                status = "FINALIZED";
                number = f.number();
                finalizedAt = f.finalizedAt();
                content = content.withDates(f.invoiceDate(), f.dueDate());
            } else if (p instanceof InvoicePaid paid) {
                status = "PAID";
                paymentDate = paid.paymentDate();
                paidAmount = paid.amount();
            } else if (p instanceof InvoiceVoided voided) {
                status = "VOID";
                voidReason = voided.reason();
            } else if (p instanceof InvoiceCredited c) {
                credits.add(new Views.CreditNoteRef(c.creditNoteId().value(), c.creditNoteNumber(), c.lineNos(),
                        c.grossAmount()));
                if (c.fullyCredited()) {
                    status = "CREDITED";
                }
            }
        }
        DomainEventMessage<?> first = events.get(0);
        DomainEventMessage<?> last = events.get(events.size() - 1);
        InvoiceOrigin origin = drafted.origin();
        String orderId = origin.kind() == InvoiceOrigin.Kind.ORDER ? origin.sourceId() : null;
        return versioned(new Views.InvoiceView(invoiceId.value(), tenantId.value(), status, number, origin, orderId,
                content.customer(), content.contacts(), content.invoiceDate(), content.paymentTerms(),
                content.dueDate(), content.poNumber(), content.comments(), content.language(), content.locale(),
                content.currency(), content.lines(), content.totals(), finalizedAt, paymentDate, paidAmount,
                voidReason, credits, first.getTimestamp(), actor(first), last.getTimestamp(), actor(last)), events);
    }


    @Override
    public Optional<Versioned<Object>> order(TenantId tenantId, OrderId orderId) {
        List<? extends DomainEventMessage<?>> events = writeSide.events(orderId.value());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof OrderCreated created)
                || !created.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        OrderContent content = created.content();
        String invoiceId = null;
        for (DomainEventMessage<?> e : events) {
            if (e.getPayload() instanceof OrderChanged changed) {
                content = changed.content();
            } else if (e.getPayload() instanceof OrderInvoiced invoiced) {
                invoiceId = invoiced.invoiceId().value();
            }
        }
        DomainEventMessage<?> first = events.get(0);
        DomainEventMessage<?> last = events.get(events.size() - 1);
        return versioned(new Views.OrderView(orderId.value(), tenantId.value(), invoiceId == null ? "OPEN" : "INVOICED",
                content.customer(), content.contacts(), content.poNumber(), content.comments(), content.language(),
                content.currency(), content.lines(), content.totals(), invoiceId, first.getTimestamp(), actor(first),
                last.getTimestamp(), actor(last)), events);
    }

    @Override
    public Optional<Versioned<Object>> creditNote(TenantId tenantId, CreditNoteId creditNoteId) {
        List<? extends DomainEventMessage<?>> events = writeSide.events(creditNoteId.value());
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof CreditNoteIssued issued)
                || !issued.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        return versioned(issued, events);
    }

    private static Optional<Versioned<Object>> versioned(Object view, List<? extends DomainEventMessage<?>> events) {
        return Optional.of(new Versioned<>(view, events.get(events.size() - 1).getSequenceNumber()));
    }

    private static String actor(DomainEventMessage<?> event) {
        Object actor = event.getMetaData().get(CloudEvents.META_ACTOR);
        return actor == null ? null : actor.toString();
    }
}
