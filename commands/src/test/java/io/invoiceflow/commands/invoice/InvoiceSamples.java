package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDrafted;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Invoice contents and events as the write side produces them for the samples of {@link NorwegianSamples}. */
final class InvoiceSamples {
    /** 3 hours "Consulting" x 199.90 at 25 % = 599.70 (the line of {@link TestTenants#draft()}). */
    static final Line CONSULTING_LINE = new Line(1, null, "Consulting", new BigDecimal("3"), "hours",
            new BigDecimal("199.90"), null, new BigDecimal("25"), new BigDecimal("599.70"));
    /** 10 loaves x 45.00 at 15 % = 450.00. */
    static final Line BREAD_LINE = new Line(2, null, "Grovbrød", new BigDecimal("10"), "stk",
            new BigDecimal("45.00"), null, new BigDecimal("15"), new BigDecimal("450.00"));

    private InvoiceSamples() {
    }

    /** 599.70 at 25 %: VAT 599.70 x 0.25 = 149.925 -> 149.93; gross 749.63. */
    static Totals consultingTotals() {
        return new Totals(new BigDecimal("599.70"), new BigDecimal("149.93"), new BigDecimal("749.63"),
                List.of(new VatLine(new BigDecimal("25"), new BigDecimal("599.70"), new BigDecimal("149.93"),
                        new BigDecimal("749.63"))));
    }

    /** What {@link TestTenants#draft()} resolves to for the bakery: contacts from the customer, language nb, locale nb-NO. */
    static InvoiceContent draftContent() {
        return new InvoiceContent(NorwegianSamples.bakerySnapshot(), List.of(NorwegianSamples.KARI), null,
                PaymentTerms.of(PaymentTerms.Kind.NET_14), null, "PO-77", null, "nb", "nb-NO", "NOK",
                List.of(CONSULTING_LINE), consultingTotals());
    }

    /**
     * Two lines: 599.70 at 25 % (VAT 149.93) and 450.00 at 15 % (VAT 450.00 x 0.15 = 67.50);
     * net 1 049.70, VAT 217.43, gross 1 267.13.
     */
    static InvoiceContent twoLineContent() {
        Totals totals = new Totals(new BigDecimal("1049.70"), new BigDecimal("217.43"), new BigDecimal("1267.13"),
                List.of(new VatLine(new BigDecimal("25"), new BigDecimal("599.70"), new BigDecimal("149.93"),
                                new BigDecimal("749.63")),
                        new VatLine(new BigDecimal("15"), new BigDecimal("450.00"), new BigDecimal("67.50"),
                                new BigDecimal("517.50"))));
        InvoiceContent c = draftContent();
        return new InvoiceContent(c.customer(), c.contacts(), null, c.paymentTerms(), null, c.poNumber(),
                c.comments(), c.language(), c.locale(), c.currency(), List.of(CONSULTING_LINE, BREAD_LINE), totals);
    }

    static InvoiceContent withContacts(InvoiceContent c, List<Contact> contacts) {
        return new InvoiceContent(c.customer(), contacts, c.invoiceDate(), c.paymentTerms(), c.dueDate(),
                c.poNumber(), c.comments(), c.language(), c.locale(), c.currency(), c.lines(), c.totals());
    }

    static InvoiceContent withLines(InvoiceContent c, List<Line> lines, Totals totals) {
        return new InvoiceContent(c.customer(), c.contacts(), c.invoiceDate(), c.paymentTerms(), c.dueDate(),
                c.poNumber(), c.comments(), c.language(), c.locale(), c.currency(), lines, totals);
    }

    static InvoiceContent withDateAndTerms(InvoiceContent c, LocalDate invoiceDate, PaymentTerms terms) {
        return new InvoiceContent(c.customer(), c.contacts(), invoiceDate, terms,
                invoiceDate == null ? null : invoiceDate.plusDays(terms.days()), c.poNumber(), c.comments(),
                c.language(), c.locale(), c.currency(), c.lines(), c.totals());
    }

    static Totals zeroTotals() {
        return new Totals(new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), List.of());
    }

    static InvoiceDrafted drafted(InvoiceId id, TenantId tenant, InvoiceContent content) {
        return new InvoiceDrafted(id, tenant, InvoiceOrigin.scratch(), content);
    }

    static InvoiceFinalized finalized(InvoiceId id, TenantId tenant, String number, long sequence, LocalDate invoiceDate,
                                      LocalDate dueDate, Totals totals, Instant at) {
        return new InvoiceFinalized(id, tenant, number, sequence, invoiceDate, dueDate, "NOK", totals, at);
    }
}
