package io.invoiceflow.documents.email;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.Formats;
import io.invoiceflow.documents.Labels;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The merge fields of email subjects and bodies (S4), written {@code {Name}} in a template. Values are localized
 * with the document's locale ({@link Formats}); a field without a value (no KID on a credit note, no department)
 * is empty.
 */
public enum MergeField {
    NUMBER("Number", "The document number", (d, f) -> d.number()),
    DOCUMENT_TYPE("DocumentType", "The kind of document in the document's language: Faktura, Kreditnota, Invoice, ...",
            (d, f) -> Labels.get(d.language(), switch (d.kind()) {
                case INVOICE -> "invoice";
                case CREDIT_NOTE -> "credit-note";
                case ORDER -> "order";
            })),
    INVOICE_DATE("InvoiceDate", "The invoice date (credit note: issue date; order: order date), localized",
            (d, f) -> f.date(d.issueDate())),
    DUE_DATE("DueDate", "The due date of an invoice, localized", (d, f) -> f.date(d.dueDate())),
    TOTAL("Total", "The total including VAT, localized without currency (1 234,50)", (d, f) -> f.amount(d.totals().grossAmount())),
    NET_TOTAL("NetTotal", "The total excluding VAT, localized", (d, f) -> f.amount(d.totals().netAmount())),
    VAT_TOTAL("VatTotal", "The VAT amount, localized", (d, f) -> f.amount(d.totals().vatAmount())),
    CURRENCY("Currency", "The ISO 4217 currency code (NOK)", (d, f) -> d.currency().getCurrencyCode()),
    KID("Kid", "The payment reference (KID) of an invoice", (d, f) -> d.kid()),
    INVOICE_URL("InvoiceUrl", "The address where the recipient can view the invoice in a browser", (d, f) -> d.invoiceUrl()),
    PO_NUMBER("PoNumber", "The customer's PO number (their reference)", (d, f) -> d.poNumber()),
    CREDITED_INVOICE_NUMBER("CreditedInvoiceNumber", "The number of the invoice a credit note credits",
            (d, f) -> d.creditedInvoiceNumber()),
    SUPPLIER_NAME("Supplier.Name", "The issuing company's name", (d, f) -> d.supplier().name()),
    SUPPLIER_EMAIL("Supplier.Email", "The issuing company's contact email for questions about the document",
            (d, f) -> d.supplier().email()),
    SUPPLIER_PHONE("Supplier.Phone", "The issuing company's phone number", (d, f) -> d.supplier().phone()),
    SUPPLIER_DEPARTMENT("Supplier.Department",
            "The sending department (for example Accounts receivable), from the tenant's document settings",
            (d, f) -> d.supplier().department()),
    SUPPLIER_ORGANISATION_NUMBER("Supplier.OrganisationNumber", "The issuing company's organisation number",
            (d, f) -> d.supplier().organisationNumber()),
    SUPPLIER_BANK_ACCOUNT("Supplier.BankAccount", "The bank account to pay to", (d, f) -> d.supplier().bankAccount()),
    CUSTOMER_NAME("Customer.Name", "The customer's name", (d, f) -> d.customer().name()),
    CUSTOMER_NUMBER("Customer.Number", "The customer number",
            (d, f) -> d.customer().customerNumber() == null ? null : d.customer().customerNumber().value()),
    CUSTOMER_ORGANISATION_NUMBER("Customer.OrganisationNumber", "The customer's organisation number",
            (d, f) -> d.customer().organisationNumber()),
    CONTACT_NAME("Contact.Name", "The name of the document's first contact (the recipient)",
            (d, f) -> d.contacts().isEmpty() ? null : d.contacts().get(0).name());

    private static final Map<String, MergeField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(MergeField::fieldName, Function.identity()));

    private final String fieldName;
    private final String description;
    private final BiFunction<Document, Formats, String> value;

    MergeField(String fieldName, String description, BiFunction<Document, Formats, String> value) {
        this.fieldName = fieldName;
        this.description = description;
        this.value = value;
    }

    /** The name inside the braces, for example {@code Supplier.Name}. */
    public String fieldName() {
        return fieldName;
    }

    /** As written in a template: {@code {Supplier.Name}}. */
    public String placeholder() {
        return "{" + fieldName + "}";
    }

    /** What the field holds (English, for the field list of the API). */
    public String description() {
        return description;
    }

    /** The raw (unescaped) value for a document; never null. */
    public String valueOf(Document document) {
        String v = value.apply(document, Formats.of(document.locale()));
        return v == null ? "" : v;
    }

    /** The field with this name (case-sensitive), if any. */
    public static Optional<MergeField> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
