package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.creditnote.CreditNote;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.order.Order;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.CloneInvoice;
import io.invoiceflow.events.invoice.CreditInvoice;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.order.InvoiceOrder;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;

/**
 * Commands that touch two aggregates in one unit of work (one database transaction): crediting
 * (invoice + new credit note), cloning (source invoice + new invoice) and invoicing an order
 * (order + new invoice).
 */
public final class InvoiceCommandHandlers {
    private final Repository<Invoice> invoices;
    private final Repository<CreditNote> creditNotes;
    private final Repository<Order> orders;
    private final EventStore eventStore;
    private final Directory directory;
    private final Clock clock;

    public InvoiceCommandHandlers(Repository<Invoice> invoices, Repository<CreditNote> creditNotes,
                                  Repository<Order> orders, EventStore eventStore, Directory directory, Clock clock) {
        this.invoices = invoices;
        this.eventStore = eventStore;
        this.creditNotes = creditNotes;
        this.orders = orders;
        this.directory = directory;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(CreditInvoice command) throws Exception {
        ensureUnused(command.creditNoteId().value());
        Aggregate<Invoice> invoice = invoices.load(command.invoiceId().value());
        CreditNoteIssued issued = invoice.invoke(i -> i.credit(command, directory, clock));
        creditNotes.newInstance(() -> new CreditNote(issued));
        return issued.number();
    }

    /**
     * The new aggregate's id must be free before the existing aggregate changes: in a batch that
     * appends to both, the store would report the duplicate as a conflict on the existing one.
     */
    private void ensureUnused(String aggregateId) {
        if (eventStore.lastSequenceNumberFor(aggregateId).isPresent()) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "it already exists");
        }
    }

    @CommandHandler
    public void handle(CloneInvoice command) throws Exception {
        InvoiceContent content = invoices.load(command.invoiceId().value())
                .invoke(i -> i.contentWithoutDates(command.tenantId()));
        directory.requireTenant(command.tenantId()).ensureInvoicingActive();
        invoices.newInstance(() -> new Invoice(command.cloneId(), command.tenantId(),
                new InvoiceOrigin(InvoiceOrigin.Kind.CLONE, command.invoiceId().value()), content));
    }

    @CommandHandler
    public void handle(InvoiceOrder command) throws Exception {
        ensureUnused(command.invoiceId().value());
        InvoiceContent content = orders.load(command.orderId().value())
                .invoke(o -> o.invoice(command, directory));
        invoices.newInstance(() -> new Invoice(command.invoiceId(), command.tenantId(),
                new InvoiceOrigin(InvoiceOrigin.Kind.ORDER, command.orderId().value()), content));
    }
}
