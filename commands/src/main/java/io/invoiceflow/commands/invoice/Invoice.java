package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.ChangeInvoiceDraft;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.CreditInvoice;
import io.invoiceflow.events.invoice.DeleteInvoiceDraft;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceCredited;
import io.invoiceflow.events.invoice.InvoiceDraftChanged;
import io.invoiceflow.events.invoice.InvoiceDraftDeleted;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.invoice.InvoicePaid;
import io.invoiceflow.events.invoice.InvoiceVoided;
import io.invoiceflow.events.invoice.MarkInvoicePaid;
import io.invoiceflow.events.invoice.VoidInvoice;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Money;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import io.invoiceflow.commands.pricing.Pricing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * An invoice, event-sourced. Handlers check the rules through {@code ensure...} guards and apply one
 * event; event-sourcing handlers only assign state.
 */
public class Invoice {
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private InvoiceStatus status;
    private InvoiceContent content;
    private String number;
    private final Set<Integer> creditedLines = new TreeSet<>();
    private BigDecimal creditedGross = BigDecimal.ZERO;
    /** What earlier partial credit notes took per VAT rate (their own totals, rounded per note). */
    private final List<VatLine> creditedVat = new ArrayList<>();

    protected Invoice() {
        // for Axon
    }

    @CommandHandler
    public Invoice(CreateInvoice command, Directory directory) {
        TenantRecord tenant = directory.requireTenant(command.tenantId());
        tenant.ensureInvoicingActive();
        apply(new InvoiceDrafted(command.invoiceId(), command.tenantId(), InvoiceOrigin.scratch(),
                InvoiceDrafting.content(command.draft(), tenant, directory)));
    }

    /** A draft from an order or a clone; the caller has checked the tenant. */
    Invoice(InvoiceId invoiceId, TenantId tenantId, InvoiceOrigin origin, InvoiceContent content) {
        apply(new InvoiceDrafted(invoiceId, tenantId, origin, content));
    }

    /**
     * An invoice issued final at once (an occurrence of a recurring schedule): drafted with {@code content},
     * whose invoice and due dates are set, and finalized with {@code number}, which the caller took from the
     * tenant's series in the same unit of work, after checking the tenant.
     */
    public Invoice(InvoiceId invoiceId, TenantId tenantId, InvoiceOrigin origin, InvoiceContent content,
                   Directory.AssignedNumber number, Instant finalizedAt) {
        ensureComplete(content);
        apply(new InvoiceDrafted(invoiceId, tenantId, origin, content));
        apply(new InvoiceFinalized(invoiceId, tenantId, number.number(), number.sequence(), content.invoiceDate(),
                content.dueDate(), content.currency(), content.totals(), finalizedAt));
    }

    @CommandHandler
    void handle(ChangeInvoiceDraft command, Directory directory) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureDraft("changed");
        apply(new InvoiceDraftChanged(command.invoiceId(), tenantId,
                InvoiceDrafting.content(command.draft(), tenant, directory)));
    }

    @CommandHandler
    void handle(DeleteInvoiceDraft command, Directory directory) {
        ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureDraft("deleted");
        apply(new InvoiceDraftDeleted(command.invoiceId(), tenantId));
    }

    @CommandHandler
    void handle(FinalizeInvoice command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureDraft("finalized");
        ensureComplete(content);
        LocalDate invoiceDate = content.invoiceDate() != null ? content.invoiceDate() : tenant.today(clock);
        LocalDate dueDate = InvoiceDrafting.dueDate(invoiceDate, content.paymentTerms());
        Directory.AssignedNumber assigned = directory.takeNextNumber(tenantId, Directory.Series.INVOICE);
        apply(new InvoiceFinalized(command.invoiceId(), tenantId, assigned.number(), assigned.sequence(),
                invoiceDate, dueDate, content.currency(), content.totals(), clock.instant()));
    }

    @CommandHandler
    void handle(MarkInvoicePaid command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureStatus(InvoiceStatus.FINALIZED, "marked paid");
        LocalDate today = tenant.today(clock);
        LocalDate paymentDate = command.paymentDate() != null ? command.paymentDate() : today;
        if (paymentDate.isAfter(today)) {
            throw DomainException.invalid("paymentDate", "not-future",
                    "paymentDate cannot be after today (" + today + " in the tenant's time zone)");
        }
        apply(new InvoicePaid(command.invoiceId(), tenantId, paymentDate,
                content.totals().grossAmount().subtract(creditedGross), content.currency()));
    }

    @CommandHandler
    void handle(VoidInvoice command, Directory directory) {
        ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        ensureStatus(InvoiceStatus.FINALIZED, "voided");
        if (!creditedLines.isEmpty()) {
            throw DomainException.illegalState("invoice " + number + " has credit notes and cannot be voided");
        }
        Violations v = new Violations();
        v.optionalText("reason", command.reason(), 1000);
        v.throwIfAny();
        apply(new InvoiceVoided(command.invoiceId(), tenantId, command.reason()));
    }

    /**
     * Credits lines of this invoice and returns the credit note to issue; called by
     * {@link InvoiceCommandHandlers} in the same unit of work that creates the credit note.
     */
    CreditNoteIssued credit(CreditInvoice command, Directory directory, Clock clock) {
        TenantRecord tenant = ensureActiveTenant(command.tenantId(), directory);
        Guards.ensureVersion(command.expectedVersion());
        if (status != InvoiceStatus.FINALIZED && status != InvoiceStatus.PAID) {
            throw DomainException.illegalState("a " + status + " invoice cannot be credited");
        }
        Violations v = new Violations();
        v.optionalText("reason", command.reason(), 1000);
        List<Line> lines = linesToCredit(command.lineNos(), v);
        v.throwIfAny();
        List<Integer> lineNos = lines.stream().map(Line::lineNo).toList();
        boolean full = creditedLines.size() + lineNos.size() == content.lines().size();
        Totals totals = full ? remainder() : Pricing.totals(lines, tenant.currencyScale());
        Directory.AssignedNumber assigned = directory.takeNextNumber(tenantId, Directory.Series.CREDIT_NOTE);
        apply(new InvoiceCredited(command.invoiceId(), tenantId, command.creditNoteId(), assigned.number(), lineNos,
                totals.grossAmount(), content.currency(), full));
        return new CreditNoteIssued(command.creditNoteId(), tenantId, assigned.number(), assigned.sequence(),
                command.invoiceId(), number, tenant.today(clock), content.customer(), content.currency(),
                lines, totals, command.reason(), clock.instant());
    }

    /**
     * The last credit note takes exactly what is left per VAT rate, so that the credit notes of an
     * invoice add up to the invoice, whatever each one rounded.
     */
    private Totals remainder() {
        List<VatLine> rest = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        for (VatLine invoiced : content.totals().vat()) {
            BigDecimal restNet = invoiced.netAmount();
            BigDecimal restVat = invoiced.vatAmount();
            for (VatLine taken : creditedVat) {
                if (taken.rate().compareTo(invoiced.rate()) == 0) {
                    restNet = restNet.subtract(taken.netAmount());
                    restVat = restVat.subtract(taken.vatAmount());
                }
            }
            rest.add(new VatLine(invoiced.rate(), restNet, restVat, restNet.add(restVat)));
            net = net.add(restNet);
            vat = vat.add(restVat);
        }
        return new Totals(net, vat, net.add(vat), List.copyOf(rest));
    }

    private List<Line> linesToCredit(List<Integer> requested, Violations v) {
        List<Line> lines = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            content.lines().stream().filter(l -> !creditedLines.contains(l.lineNo())).forEach(lines::add);
            return lines;
        }
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Integer lineNo = requested.get(i);
            String path = "lineNos[" + i + "]";
            if (lineNo == null || lineNo < 1 || lineNo > content.lines().size()) {
                v.add(path, "exists", "line " + lineNo + " does not exist on invoice " + number);
            } else if (creditedLines.contains(lineNo)) {
                v.add(path, "not-credited", "line " + lineNo + " is already credited");
            } else if (!seen.add(lineNo)) {
                v.add(path, "unique", "line " + lineNo + " is listed twice");
            } else {
                lines.add(content.lines().get(lineNo - 1));
            }
        }
        return lines;
    }

    /** The content to copy into a clone or a recurring template, without its dates. */
    public InvoiceContent contentWithoutDates(TenantId asked) {
        Guards.ensureSameTenant(tenantId, asked, "invoice " + id);
        return content.withDates(null, null);
    }

    /** Only a final invoice is distributed (a draft gets a preview, a void one nothing); called in the distribution's unit of work. */
    public void ensureDistributable(TenantId asked) {
        Guards.ensureSameTenant(tenantId, asked, "invoice " + id);
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID) {
            throw DomainException.illegalState("a " + status + " invoice cannot be sent; only a final one can");
        }
    }

    // ---- guards

    private TenantRecord ensureActiveTenant(TenantId asked, Directory directory) {
        Guards.ensureSameTenant(tenantId, asked, "invoice " + id);
        TenantRecord tenant = directory.requireTenant(tenantId);
        tenant.ensureInvoicingActive();
        return tenant;
    }

    private void ensureDraft(String action) {
        if (status != InvoiceStatus.DRAFT) {
            throw DomainException.illegalState("invoice " + number + " is " + status + " and cannot be " + action
                    + "; only drafts can");
        }
    }

    private void ensureStatus(InvoiceStatus required, String action) {
        if (status != required) {
            throw DomainException.illegalState("a " + status + " invoice cannot be " + action
                    + "; only a " + required + " one can");
        }
    }

    private static void ensureComplete(InvoiceContent content) {
        Violations v = new Violations();
        if (content.lines().isEmpty()) {
            v.add("lines", "min-items", "an invoice needs at least one line to be finalized");
        }
        if (content.contacts().isEmpty()) {
            v.add("contacts", "min-items", "an invoice needs at least one contact (its recipient) to be finalized");
        }
        v.throwIfAny(ErrorCode.INCOMPLETE_INVOICE);
    }

    // ---- state

    @EventSourcingHandler
    void on(InvoiceDrafted event) {
        id = event.invoiceId().value();
        tenantId = event.tenantId();
        status = InvoiceStatus.DRAFT;
        content = event.content();
    }

    @EventSourcingHandler
    void on(InvoiceDraftChanged event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(InvoiceDraftDeleted event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(InvoiceFinalized event) {
        status = InvoiceStatus.FINALIZED;
        number = event.number();
        content = content.withDates(event.invoiceDate(), event.dueDate());
    }

    @EventSourcingHandler
    void on(InvoicePaid event) {
        status = InvoiceStatus.PAID;
    }

    @EventSourcingHandler
    void on(InvoiceVoided event) {
        status = InvoiceStatus.VOID;
    }

    @EventSourcingHandler
    void on(InvoiceCredited event) {
        List<Line> credited = content.lines().stream().filter(l -> event.lineNos().contains(l.lineNo())).toList();
        creditedVat.addAll(Pricing.totals(credited, Money.scaleOf(Currency.getInstance(content.currency()))).vat());
        creditedLines.addAll(event.lineNos());
        creditedGross = creditedGross.add(event.grossAmount());
        if (event.fullyCredited()) {
            status = InvoiceStatus.CREDITED;
        }
    }
}
