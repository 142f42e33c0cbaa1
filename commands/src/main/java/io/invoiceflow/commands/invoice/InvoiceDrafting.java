package io.invoiceflow.commands.invoice;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Drafting;
import io.invoiceflow.commands.shared.Languages;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceDraft;
import io.invoiceflow.events.shared.PaymentTerms;

import java.time.LocalDate;

/** Validates and resolves a client's draft into invoice content. */
final class InvoiceDrafting {
    private InvoiceDrafting() {
    }

    static InvoiceContent content(InvoiceDraft draft, TenantRecord tenant, Directory directory) {
        Violations v = new Violations();
        if (draft == null) {
            v.add("$", "required", "a request body is required").throwIfAny();
        }
        PaymentTerms terms = draft.paymentTerms() != null ? draft.paymentTerms()
                : PaymentTerms.of(PaymentTerms.Kind.DUE_ON_RECEIPT);
        Drafting.checkPaymentTerms(v, terms);
        Languages.checkLocale(v, "locale", draft.locale());
        if (draft.invoiceDate() != null && draft.invoiceDate().getYear() < 2000) {
            v.add("invoiceDate", "min", "invoiceDate must be in the year 2000 or later");
        }
        if (draft.invoiceDate() != null && draft.invoiceDate().getYear() > 2999) {
            v.add("invoiceDate", "max", "invoiceDate must be before the year 3000");
        }
        Drafting.Resolved r = Drafting.resolve(tenant, directory, draft.customerNumber(), draft.contacts(),
                draft.language(), draft.poNumber(), draft.comments(), draft.lines(), v);
        String locale = draft.locale() != null ? draft.locale() : Drafting.defaultLocale(r.language(), tenant);
        return new InvoiceContent(r.customer(), r.contacts(), draft.invoiceDate(), terms,
                dueDate(draft.invoiceDate(), terms), draft.poNumber(), draft.comments(), r.language(), locale,
                tenant.profile().currency(), r.lines(), r.totals());
    }

    static LocalDate dueDate(LocalDate invoiceDate, PaymentTerms terms) {
        return invoiceDate == null ? null : invoiceDate.plusDays(terms.days());
    }
}
