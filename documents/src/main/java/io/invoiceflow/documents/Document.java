package io.invoiceflow.documents;

import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.order.OrderContent;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.tenant.TenantProfile;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a rendered document shows: the input of the PDF renderer, the email merge fields and the HTML view.
 * Build it with {@link #invoice}, {@link #invoiceDraft}, {@link #creditNote} or {@link #order} from the contract
 * records.
 *
 * @param number                the document number; null on a draft
 * @param issueDate             invoice date, credit note issue date or order date; may be null on a draft
 * @param dueDate               an invoice's due date; null for credit notes and orders, may be null on a draft
 * @param language              the language of labels and texts
 * @param locale                how dates and amounts are written ({@link Formats})
 * @param kid                   the payment reference of a final invoice; null otherwise
 * @param creditedInvoiceNumber a credit note's invoice; null otherwise
 * @param invoiceUrl            the browser view's address; may be null
 */
public record Document(
        DocumentKind kind,
        boolean draft,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        Supplier supplier,
        CustomerSnapshot customer,
        List<Contact> contacts,
        String poNumber,
        String comments,
        List<Line> lines,
        Totals totals,
        Currency currency,
        Language language,
        Locale locale,
        String kid,
        String creditedInvoiceNumber,
        String invoiceUrl) {

    public Document {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(locale, "locale");
        if (!draft && (number == null || number.isBlank())) {
            throw new IllegalArgumentException("a final document has a number");
        }
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        lines = List.copyOf(lines);
    }

    /**
     * A finalized invoice: number, dates and KID (by the settings' scheme, {@link Kid.Scheme#DEFAULT} if none) from
     * the finalization, content from the invoice.
     */
    public static Document invoice(TenantProfile tenant, SupplierSettings settings, InvoiceFinalized finalized,
                                   InvoiceContent content, String invoiceUrl) {
        String kid = Kid.generate(settings.kid() == null ? Kid.Scheme.DEFAULT : settings.kid(), finalized.sequence(),
                content.customer().customerNumber() == null ? null : content.customer().customerNumber().value());
        return new Document(DocumentKind.INVOICE, false, finalized.number(), finalized.invoiceDate(),
                finalized.dueDate(), supplier(tenant, settings), content.customer(), content.contacts(),
                content.poNumber(), content.comments(), content.lines(), finalized.totals(),
                Currency.getInstance(finalized.currency()), language(content.language(), tenant),
                locale(content.locale(), content.language(), tenant), kid, null, invoiceUrl);
    }

    /** A draft invoice (watermarked, no number, no KID); its dates may still be open. */
    public static Document invoiceDraft(TenantProfile tenant, SupplierSettings settings, InvoiceContent content) {
        return new Document(DocumentKind.INVOICE, true, null, content.invoiceDate(), content.dueDate(),
                supplier(tenant, settings), content.customer(), content.contacts(), content.poNumber(),
                content.comments(), content.lines(), content.totals(), Currency.getInstance(content.currency()),
                language(content.language(), tenant), locale(content.locale(), content.language(), tenant),
                null, null, null);
    }

    /**
     * A credit note. Language, locale, contacts and PO number come from the credited invoice's content; the
     * reason is shown as the comment.
     */
    public static Document creditNote(TenantProfile tenant, SupplierSettings settings, CreditNoteIssued issued,
                                      InvoiceContent creditedInvoice) {
        return new Document(DocumentKind.CREDIT_NOTE, false, issued.number(), issued.issueDate(), null,
                supplier(tenant, settings), issued.customer(), creditedInvoice.contacts(), creditedInvoice.poNumber(),
                issued.reason(), issued.lines(), issued.totals(), Currency.getInstance(issued.currency()),
                language(creditedInvoice.language(), tenant),
                locale(creditedInvoice.locale(), creditedInvoice.language(), tenant), null, issued.invoiceNumber(),
                null);
    }

    /** An order confirmation; {@code orderNumber} is how the tenant refers to the order. */
    public static Document order(TenantProfile tenant, SupplierSettings settings, String orderNumber,
                                 LocalDate orderDate, OrderContent content) {
        return new Document(DocumentKind.ORDER, false, orderNumber, orderDate, null, supplier(tenant, settings),
                content.customer(), content.contacts(), content.poNumber(), content.comments(), content.lines(),
                content.totals(), Currency.getInstance(content.currency()), language(content.language(), tenant),
                locale(null, content.language(), tenant), null, null, null);
    }

    /** The same document marked as a draft (a preview: watermarked, never PDF/A). */
    public Document asDraft() {
        return new Document(kind, true, number, issueDate, dueDate, supplier, customer, contacts, poNumber, comments,
                lines, totals, currency, language, locale, kid, creditedInvoiceNumber, invoiceUrl);
    }

    static Supplier supplier(TenantProfile tenant, SupplierSettings settings) {
        return new Supplier(tenant.name(), tenant.organisationNumber(), tenant.address(), settings.email(),
                settings.phone(), settings.department(), settings.bankAccount(), settings.iban(), settings.bic());
    }

    /** The document's language if given, else the tenant's default (P6); unsupported ones fall back to English. */
    static Language language(String language, TenantProfile tenant) {
        return Language.of(language == null || language.isBlank() ? tenant.defaultLanguage() : language);
    }

    /** The document's locale tag if given, else its language with the tenant's country. */
    static Locale locale(String localeTag, String language, TenantProfile tenant) {
        if (localeTag != null && !localeTag.isBlank()) {
            return Locale.forLanguageTag(localeTag.replace('_', '-'));
        }
        String lang = language == null || language.isBlank() ? tenant.defaultLanguage() : language;
        String country = tenant.address() == null ? null : tenant.address().country();
        return country == null ? Locale.forLanguageTag(lang) : new Locale(lang, country);
    }
}
