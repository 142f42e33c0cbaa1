package io.invoiceflow.documents.email;

import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which email text a document is sent with (S4, P5, P6), and the built-in texts. Pure functions.
 */
public final class EmailTexts {
    private EmailTexts() {
    }

    /** Where a chosen text came from. */
    public enum Source { CUSTOMER_LANGUAGE, TENANT_DEFAULT_LANGUAGE, BUILT_IN }

    /** The chosen text, its language, and where it came from. */
    public record Selection(EmailTemplate template, Language language, Source source) {
    }

    /** One entry of the merge field list ({@code GET .../email-templates/fields}). */
    public record FieldInfo(String field, String placeholder, String description) {
    }

    /** Every merge field, in a stable order, with its description. */
    public static List<FieldInfo> fields() {
        return Arrays.stream(MergeField.values())
                .map(f -> new FieldInfo(f.fieldName(), f.placeholder(), f.description())).toList();
    }

    /**
     * Chooses the text: the tenant's template for the customer's invoice language; else the tenant's template for its
     * default language; else the built-in text in the recipient's language (the customer's language if this module
     * has texts for it, else the tenant's default, else English).
     *
     * @param tenantTemplates the tenant's templates for this kind of document by ISO 639-1 language code
     */
    public static Selection select(DocumentKind kind, String customerLanguage, String tenantDefaultLanguage,
                                   Map<String, EmailTemplate> tenantTemplates) {
        EmailTemplate byCustomer = find(tenantTemplates, customerLanguage);
        if (byCustomer != null) {
            return new Selection(byCustomer, Language.of(customerLanguage), Source.CUSTOMER_LANGUAGE);
        }
        EmailTemplate byTenant = find(tenantTemplates, tenantDefaultLanguage);
        if (byTenant != null) {
            return new Selection(byTenant, Language.of(tenantDefaultLanguage), Source.TENANT_DEFAULT_LANGUAGE);
        }
        Language language = Language.isSupported(customerLanguage) ? Language.of(customerLanguage)
                : Language.of(tenantDefaultLanguage);
        return new Selection(builtIn(kind, language), language, Source.BUILT_IN);
    }

    private static EmailTemplate find(Map<String, EmailTemplate> templates, String language) {
        if (language == null || language.isBlank() || templates == null) {
            return null;
        }
        String code = java.util.Locale.forLanguageTag(language.trim().replace('_', '-')).getLanguage();
        EmailTemplate exact = templates.get(code);
        if (exact != null) {
            return exact;
        }
        // Norwegian: "no" (the macrolanguage) and "nb" (Bokmål) name the same texts here, as they do for documents
        return switch (code) {
            case "no" -> templates.get("nb");
            case "nb" -> templates.get("no");
            default -> null;
        };
    }

    /** The built-in text of a kind of document in a language (P5 for invoices). */
    public static EmailTemplate builtIn(DocumentKind kind, Language language) {
        return switch (kind) {
            case INVOICE -> switch (language) {
                case NB -> new EmailTemplate("PDF-faktura fra {Supplier.Name}", """
                        Kjære kunde,

                        Vedlagt denne e-posten finner du et PDF-dokument med en faktura fra {Supplier.Name}:

                        Fakturanummer: {Number}
                        Fakturert beløp: {Total} {Currency}
                        Forfallsdato: {DueDate}
                        KID: {Kid}

                        Se fakturaen i nettleseren: {InvoiceUrl}

                        Har du spørsmål om denne fakturaen, send en e-post til {Supplier.Email}.

                        Med vennlig hilsen
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
                case SV -> new EmailTemplate("PDF-faktura från {Supplier.Name}", """
                        Kära kund,

                        Bifogat i detta e-postmeddelande hittar du ett PDF-dokument som innehåller en faktura från {Supplier.Name} med följande innehåll:

                        Fakturanummer: {Number}
                        Fakturerat belopp: {Total} {Currency}
                        Förfallodatum: {DueDate}
                        OCR-nummer: {Kid}

                        Visa fakturan i webbläsaren: {InvoiceUrl}

                        Om du har frågor angående denna faktura, vänligen skicka ett e-postmeddelande till {Supplier.Email}.

                        Med vänlig hälsning
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
                case EN -> new EmailTemplate("PDF invoice from {Supplier.Name}", """
                        Dear customer,

                        Attached to this email you will find a PDF document containing an invoice from {Supplier.Name}:

                        Invoice number: {Number}
                        Invoiced amount: {Total} {Currency}
                        Due date: {DueDate}
                        Payment reference (KID): {Kid}

                        View the invoice in your browser: {InvoiceUrl}

                        If you have questions about this invoice, please send an email to {Supplier.Email}.

                        Kind regards
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
            };
            case CREDIT_NOTE -> switch (language) {
                case NB -> new EmailTemplate("PDF-kreditnota fra {Supplier.Name}", """
                        Kjære kunde,

                        Vedlagt denne e-posten finner du et PDF-dokument med en kreditnota fra {Supplier.Name}:

                        Kreditnotanummer: {Number}
                        Krediterer faktura: {CreditedInvoiceNumber}
                        Kreditert beløp: {Total} {Currency}

                        Har du spørsmål om denne kreditnotaen, send en e-post til {Supplier.Email}.

                        Med vennlig hilsen
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
                case SV -> new EmailTemplate("PDF-kreditfaktura från {Supplier.Name}", """
                        Kära kund,

                        Bifogat i detta e-postmeddelande hittar du ett PDF-dokument som innehåller en kreditfaktura från {Supplier.Name}:

                        Kreditfakturanummer: {Number}
                        Krediterar faktura: {CreditedInvoiceNumber}
                        Krediterat belopp: {Total} {Currency}

                        Om du har frågor angående denna kreditfaktura, vänligen skicka ett e-postmeddelande till {Supplier.Email}.

                        Med vänlig hälsning
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
                case EN -> new EmailTemplate("PDF credit note from {Supplier.Name}", """
                        Dear customer,

                        Attached to this email you will find a PDF document containing a credit note from {Supplier.Name}:

                        Credit note number: {Number}
                        Credits invoice: {CreditedInvoiceNumber}
                        Credited amount: {Total} {Currency}

                        If you have questions about this credit note, please send an email to {Supplier.Email}.

                        Kind regards
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
            };
            case ORDER -> switch (language) {
                case NB -> new EmailTemplate("Ordrebekreftelse {Number} fra {Supplier.Name}", """
                        Kjære kunde,

                        Vedlagt finner du ordrebekreftelse {Number} fra {Supplier.Name} på {Total} {Currency}.

                        Har du spørsmål om ordren, send en e-post til {Supplier.Email}.

                        Med vennlig hilsen
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
                case SV -> new EmailTemplate("Orderbekräftelse {Number} från {Supplier.Name}", """
                        Kära kund,

                        Bifogat finner du orderbekräftelse {Number} från {Supplier.Name} på {Total} {Currency}.

                        Om du har frågor angående ordern, vänligen skicka ett e-postmeddelande till {Supplier.Email}.

                        Med vänlig hälsning
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
                case EN -> new EmailTemplate("Order confirmation {Number} from {Supplier.Name}", """
                        Dear customer,

                        Attached you will find order confirmation {Number} from {Supplier.Name} for {Total} {Currency}.

                        If you have questions about the order, please send an email to {Supplier.Email}.

                        Kind regards
                        {Supplier.Name}
                        {Supplier.Department}
                        """);
            };
        };
    }
}
