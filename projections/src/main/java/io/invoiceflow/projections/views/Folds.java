package io.invoiceflow.projections.views;

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
import io.invoiceflow.projections.EventEnvelope;

import java.util.ArrayList;
import java.util.List;

/**
 * How each view follows its aggregate's events: one pure step per event. The write side folds an
 * aggregate's stored events with the same steps (for command responses), the projections fold the
 * topic with them, so both always answer with the same JSON.
 */
public final class Folds {
    private Folds() {
    }

    /** The invoice after {@code event}; null before it exists and after its draft was deleted. */
    public static InvoiceView invoice(InvoiceView before, EventEnvelope event) {
        Object p = event.payload();
        if (p instanceof InvoiceDrafted drafted) {
            InvoiceOrigin origin = drafted.origin();
            String orderId = origin.kind() == InvoiceOrigin.Kind.ORDER ? origin.sourceId() : null;
            return withContent(new InvoiceView(drafted.invoiceId().value(), drafted.tenantId().value(), "DRAFT", null,
                    origin, orderId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, List.of(), event.time(), event.actor(), event.time(), event.actor()),
                    drafted.content(), event);
        }
        if (before == null) {
            return null;
        }
        InvoiceView b = before;
        if (p instanceof InvoiceDraftChanged changed) {
            return withContent(b, changed.content(), event);
        }
        if (p instanceof InvoiceDraftDeleted) {
            return null;
        }
        if (p instanceof InvoiceFinalized f) {
            return new InvoiceView(b.invoiceId(), b.tenantId(), "FINALIZED", f.number(), b.origin(), b.orderId(),
                    b.customer(), b.contacts(), f.invoiceDate(), b.paymentTerms(), f.dueDate(), b.poNumber(),
                    b.comments(), b.language(), b.locale(), b.currency(), b.lines(), b.totals(), f.finalizedAt(),
                    b.paymentDate(), b.paidAmount(), b.voidReason(), b.creditNotes(), b.createdAt(), b.createdBy(),
                    event.time(), event.actor());
        }
        if (p instanceof InvoicePaid paid) {
            return new InvoiceView(b.invoiceId(), b.tenantId(), "PAID", b.number(), b.origin(), b.orderId(),
                    b.customer(), b.contacts(), b.invoiceDate(), b.paymentTerms(), b.dueDate(), b.poNumber(),
                    b.comments(), b.language(), b.locale(), b.currency(), b.lines(), b.totals(), b.finalizedAt(),
                    paid.paymentDate(), paid.amount(), b.voidReason(), b.creditNotes(), b.createdAt(),
                    b.createdBy(), event.time(), event.actor());
        }
        if (p instanceof InvoiceVoided voided) {
            return new InvoiceView(b.invoiceId(), b.tenantId(), "VOID", b.number(), b.origin(), b.orderId(),
                    b.customer(), b.contacts(), b.invoiceDate(), b.paymentTerms(), b.dueDate(), b.poNumber(),
                    b.comments(), b.language(), b.locale(), b.currency(), b.lines(), b.totals(), b.finalizedAt(),
                    b.paymentDate(), b.paidAmount(), voided.reason(), b.creditNotes(), b.createdAt(), b.createdBy(),
                    event.time(), event.actor());
        }
        if (p instanceof InvoiceCredited c) {
            List<InvoiceView.CreditNoteRef> credits = new ArrayList<>(b.creditNotes());
            credits.add(new InvoiceView.CreditNoteRef(c.creditNoteId().value(), c.creditNoteNumber(), c.lineNos(),
                    c.grossAmount()));
            return new InvoiceView(b.invoiceId(), b.tenantId(), c.fullyCredited() ? "CREDITED" : b.status(),
                    b.number(), b.origin(), b.orderId(), b.customer(), b.contacts(), b.invoiceDate(), b.paymentTerms(),
                    b.dueDate(), b.poNumber(), b.comments(), b.language(), b.locale(), b.currency(), b.lines(),
                    b.totals(), b.finalizedAt(), b.paymentDate(), b.paidAmount(), b.voidReason(),
                    List.copyOf(credits), b.createdAt(), b.createdBy(), event.time(), event.actor());
        }
        // an event type this view does not show (e.g. a later distribution event): only the stamp moves
        return new InvoiceView(b.invoiceId(), b.tenantId(), b.status(), b.number(), b.origin(), b.orderId(),
                b.customer(), b.contacts(), b.invoiceDate(), b.paymentTerms(), b.dueDate(), b.poNumber(), b.comments(),
                b.language(), b.locale(), b.currency(), b.lines(), b.totals(), b.finalizedAt(), b.paymentDate(),
                b.paidAmount(), b.voidReason(), b.creditNotes(), b.createdAt(), b.createdBy(), event.time(),
                event.actor());
    }

    private static InvoiceView withContent(InvoiceView b, InvoiceContent c, EventEnvelope event) {
        return new InvoiceView(b.invoiceId(), b.tenantId(), b.status(), b.number(), b.origin(), b.orderId(),
                c.customer(), c.contacts(), c.invoiceDate(), c.paymentTerms(), c.dueDate(), c.poNumber(),
                c.comments(), c.language(), c.locale(), c.currency(), c.lines(), c.totals(), b.finalizedAt(),
                b.paymentDate(), b.paidAmount(), b.voidReason(), b.creditNotes(), b.createdAt(), b.createdBy(),
                event.time(), event.actor());
    }

    /** The order after {@code event}; null before it exists. */
    public static OrderView order(OrderView before, EventEnvelope event) {
        Object p = event.payload();
        if (p instanceof OrderCreated created) {
            return withContent(new OrderView(created.orderId().value(), created.tenantId().value(), "OPEN", null,
                    null, null, null, null, null, null, null, null, event.time(), event.actor(), event.time(),
                    event.actor()), created.content(), event);
        }
        if (before == null) {
            return null;
        }
        OrderView b = before;
        if (p instanceof OrderChanged changed) {
            return withContent(b, changed.content(), event);
        }
        String invoiceId = p instanceof OrderInvoiced invoiced ? invoiced.invoiceId().value() : b.invoiceId();
        return new OrderView(b.orderId(), b.tenantId(), invoiceId == null ? "OPEN" : "INVOICED", b.customer(),
                b.contacts(), b.poNumber(), b.comments(), b.language(), b.currency(), b.lines(), b.totals(), invoiceId,
                b.createdAt(), b.createdBy(), event.time(), event.actor());
    }

    private static OrderView withContent(OrderView b, OrderContent c, EventEnvelope event) {
        return new OrderView(b.orderId(), b.tenantId(), b.status(), c.customer(), c.contacts(), c.poNumber(),
                c.comments(), c.language(), c.currency(), c.lines(), c.totals(), b.invoiceId(), b.createdAt(),
                b.createdBy(), event.time(), event.actor());
    }

    /** A credit note is final when issued: its view is the issuing event. */
    public static CreditNoteIssued creditNote(CreditNoteIssued before, EventEnvelope event) {
        return event.payload() instanceof CreditNoteIssued issued ? issued : before;
    }
}
