package io.invoiceflow.projections.views;

import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionEvent;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
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
import java.util.function.UnaryOperator;

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

    /** A document's distribution log after a distribution event (never null once a distribution exists). */
    public static DistributionLog distributionLog(DistributionLog before, EventEnvelope event) {
        DistributionEvent e = (DistributionEvent) event.payload();
        List<DistributionLog.Distribution> all = new ArrayList<>(before == null ? List.of() : before.distributions());
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).distributionId().equals(e.distributionId().value())) {
                index = i;
            }
        }
        if (e instanceof DistributionRequested r) {
            if (index < 0) {
                all.add(new DistributionLog.Distribution(r.distributionId().value(), r.trigger().name(), event.time(),
                        event.actor(), r.to(), r.cc(), "REQUESTED", List.of(), List.of()));
            }
            return e.invoiceId() != null ? DistributionLog.ofInvoice(e.invoiceId().value(), List.copyOf(all))
                    : DistributionLog.ofOrder(e.orderId().value(), List.copyOf(all));
        }
        if (index < 0) {
            return before; // an outcome without its request: the request was never seen here
        }
        DistributionLog.Distribution d = all.get(index);
        List<DistributionLog.Attempt> attempts = new ArrayList<>(d.attempts());
        List<DistributionLog.Bounce> bounces = new ArrayList<>(d.bounces());
        String status = d.status();
        if (e instanceof DistributionRendered r) {
            attempts.add(new DistributionLog.Attempt(r.attempt(), event.time(), r.channel(), r.to(), r.cc(), r.sender(),
                    r.language(), r.emailTemplate(), r.layout(), r.pdfSha256(), r.messageId(), "RENDERED", null, null,
                    null, null, false, null));
            status = "SENDING";
        } else if (e instanceof DistributionSent sent) {
            replaceAttempt(attempts, sent.attempt(), a -> new DistributionLog.Attempt(a.attempt(), a.renderedAt(),
                    a.channel(), a.to(), a.cc(), a.sender(), a.language(), a.emailTemplate(), a.layout(), a.pdfSha256(),
                    a.messageId(), "SENT", event.time(), sent.serverReply(), null, null, false, null));
            status = "SENT";
        } else if (e instanceof DistributionFailed failed) {
            if (attempts.stream().noneMatch(a -> a.attempt() == failed.attempt())) {
                attempts.add(new DistributionLog.Attempt(failed.attempt(), null, "EMAIL", List.of(), List.of(), null,
                        null, null, null, null, null, "RENDERED", null, null, null, null, false, null));
            }
            replaceAttempt(attempts, failed.attempt(), a -> new DistributionLog.Attempt(a.attempt(), a.renderedAt(),
                    a.channel(), a.to(), a.cc(), a.sender(), a.language(), a.emailTemplate(), a.layout(), a.pdfSha256(),
                    a.messageId(), "FAILED", event.time(), null, failed.errorCode(), failed.errorMessage(),
                    failed.permanent(), failed.retryAt()));
            status = failed.permanent() ? "FAILED" : "RETRYING";
        } else if (e instanceof DistributionBounced b) {
            bounces.add(new DistributionLog.Bounce(b.recipient(), b.source(), b.status(), b.diagnostic(), event.time()));
            status = "BOUNCED";
        }
        all.set(index, new DistributionLog.Distribution(d.distributionId(), d.trigger(), d.requestedAt(), d.requestedBy(),
                d.requestedTo(), d.requestedCc(), status, List.copyOf(attempts), List.copyOf(bounces)));
        return new DistributionLog(before.invoiceId(), before.orderId(), List.copyOf(all));
    }

    private static void replaceAttempt(List<DistributionLog.Attempt> attempts, int attempt,
                                       UnaryOperator<DistributionLog.Attempt> change) {
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).attempt() == attempt) {
                attempts.set(i, change.apply(attempts.get(i)));
            }
        }
    }
}
