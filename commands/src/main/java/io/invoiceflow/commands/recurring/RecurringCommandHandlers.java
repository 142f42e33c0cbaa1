package io.invoiceflow.commands.recurring;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.invoice.Invoice;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.events.recurring.MakeInvoiceRecurring;
import io.invoiceflow.events.shared.InvoiceId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;

/**
 * Recurring commands that touch an invoice in the same unit of work (one database transaction): making
 * an invoice recurring (reads it, creates the template) and issuing an occurrence (records it on the
 * schedule and creates its invoice, drafted and finalized with the tenant's next number, so the
 * distribution sends it like any finalized invoice).
 */
public final class RecurringCommandHandlers {
    private final Repository<Recurring> recurrings;
    private final Repository<Invoice> invoices;
    private final EventStore eventStore;
    private final Directory directory;
    private final Clock clock;

    public RecurringCommandHandlers(Repository<Recurring> recurrings, Repository<Invoice> invoices,
                                    EventStore eventStore, Directory directory, Clock clock) {
        this.recurrings = recurrings;
        this.invoices = invoices;
        this.eventStore = eventStore;
        this.directory = directory;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(MakeInvoiceRecurring command) throws Exception {
        InvoiceContent template = invoices.load(command.invoiceId().value())
                .invoke(i -> i.contentWithoutDates(command.tenantId()));
        recurrings.newInstance(() -> new Recurring(command, template, directory, clock));
    }

    /**
     * Issues one occurrence; answers the invoice id. A repeat is refused as ALREADY_EXISTS before
     * anything changes: the invoice id is derived from the schedule, the customer and the date.
     */
    @CommandHandler
    public String handle(IssueOccurrence command) throws Exception {
        InvoiceId invoiceId = command.recurringId().occurrenceInvoice(command.customerNumber(),
                command.occurrenceDate());
        if (eventStore.lastSequenceNumberFor(invoiceId.value()).isPresent()) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "the occurrence of " + command.occurrenceDate()
                    + " for customer " + command.customerNumber() + " was already issued as invoice " + invoiceId);
        }
        // The tenant's invoice series stays locked until this transaction ends, and a refusal gives the
        // number back. Taken before the schedule is loaded, so that concurrent occurrences of one schedule
        // wait here and then see each other's OccurrenceIssued, instead of conflicting on the schedule.
        Directory.AssignedNumber number = directory.takeNextNumber(command.tenantId(), Directory.Series.INVOICE);
        Aggregate<Recurring> recurring = recurrings.load(command.recurringId().value());
        InvoiceContent content = recurring.invoke(r -> r.issue(command, invoiceId, number, directory));
        invoices.newInstance(() -> new Invoice(invoiceId, command.tenantId(),
                new InvoiceOrigin(InvoiceOrigin.Kind.RECURRING, command.recurringId().value()), content, number,
                clock.instant()));
        return invoiceId.value();
    }
}
