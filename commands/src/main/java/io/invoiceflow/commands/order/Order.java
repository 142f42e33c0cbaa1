package io.invoiceflow.commands.order;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Drafting;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.order.ChangeOrder;
import io.invoiceflow.events.order.CreateOrder;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.order.OrderChanged;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.order.OrderCreated;
import io.invoiceflow.events.order.OrderDraft;
import io.invoiceflow.events.order.OrderInvoiced;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order. It can be created and changed while the tenant has invoicing deactivated (S1); invoicing
 * it drafts an invoice that references it, after which it cannot change.
 */
public class Order {
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private OrderContent content;
    private InvoiceId invoiceId;

    protected Order() {
        // for Axon
    }

    @CommandHandler
    public Order(CreateOrder command, Directory directory) {
        TenantRecord tenant = directory.requireTenant(command.tenantId());
        apply(new OrderCreated(command.orderId(), command.tenantId(), content(command.draft(), tenant, directory)));
    }

    @CommandHandler
    void handle(ChangeOrder command, Directory directory) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "order " + id);
        Guards.ensureVersion(command.expectedVersion());
        ensureNotInvoiced("changed");
        apply(new OrderChanged(command.orderId(), tenantId,
                content(command.draft(), directory.requireTenant(tenantId), directory)));
    }

    /** Marks the order invoiced and returns the content of the invoice draft to create from it. */
    public InvoiceContent invoice(InvoiceOrder command, Directory directory) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "order " + id);
        TenantRecord tenant = directory.requireTenant(tenantId);
        tenant.ensureInvoicingActive();
        Guards.ensureVersion(command.expectedVersion());
        ensureNotInvoiced("invoiced");
        PaymentTerms terms = command.paymentTerms() != null ? command.paymentTerms()
                : PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT);
        Violations v = new Violations();
        Drafting.checkPaymentTerms(v, terms);
        v.throwIfAny();
        apply(new OrderInvoiced(command.orderId(), tenantId, command.invoiceId()));
        return new InvoiceContent(content.customer(), content.contacts(), null, terms, null, content.poNumber(),
                content.comments(), content.language(), Drafting.defaultLocale(content.language(), tenant),
                content.currency(), content.lines(), content.totals());
    }

    /**
     * An order's confirmation may be sent whatever its state (open or invoiced) and whether the tenant's invoicing
     * is active or not (S1: sending an order is not invoicing): only the tenant is checked.
     */
    public void ensureSendable(TenantId asked) {
        Guards.ensureSameTenant(tenantId, asked, "order " + id);
    }

    private static OrderContent content(OrderDraft draft, TenantRecord tenant, Directory directory) {
        Violations v = new Violations();
        if (draft == null) {
            v.add("$", "required", "a request body is required").throwIfAny();
        }
        Drafting.Resolved r = Drafting.resolve(tenant, directory, draft.customerNumber(), draft.contacts(),
                draft.language(), draft.poNumber(), draft.comments(), draft.lines(), v);
        return new OrderContent(r.customer(), r.contacts(), draft.poNumber(), draft.comments(), r.language(),
                tenant.profile().currency(), r.lines(), r.totals());
    }

    private void ensureNotInvoiced(String action) {
        if (invoiceId != null) {
            throw DomainException.illegalState("order " + id + " is already invoiced (invoice " + invoiceId
                    + ") and cannot be " + action);
        }
    }

    @EventSourcingHandler
    void on(OrderCreated event) {
        id = event.orderId().value();
        tenantId = event.tenantId();
        content = event.content();
    }

    @EventSourcingHandler
    void on(OrderChanged event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(OrderInvoiced event) {
        invoiceId = event.invoiceId();
    }
}
