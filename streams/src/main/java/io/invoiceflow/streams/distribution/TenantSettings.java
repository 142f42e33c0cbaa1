package io.invoiceflow.streams.distribution;

import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.SupplierSettings;
import io.invoiceflow.documents.email.EmailTemplate;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.streams.mail.SmtpAccount;

import java.util.Map;
import java.util.Optional;

/**
 * What a distribution worker needs of a tenant's distribution settings, read when it renders (ADR 0190): the app
 * implements it with the write side's tables, so a change of the settings applies to the next email.
 */
public interface TenantSettings {

    /**
     * The settings for a document of {@code kind} to {@code customer}, in the layout the customer's rule or the
     * tenant's default for the kind names.
     *
     * @throws SenderAccountUnusable when the tenant's sender account cannot be used as stored
     */
    default Resolved resolve(TenantId tenant, CustomerNumber customer, DocumentKind kind) {
        return resolve(tenant, customer, kind, null);
    }

    /**
     * The settings for a document of {@code kind} to {@code customer} in {@code chosenLayout}, the layout a user
     * picked (S2: an order's); null: the customer's rule or the tenant's default.
     *
     * @throws SenderAccountUnusable when the tenant's sender account cannot be used as stored
     * @throws io.invoiceflow.events.DomainException when {@code chosenLayout} is no longer a layout of the tenant
     */
    Resolved resolve(TenantId tenant, CustomerNumber customer, DocumentKind kind, String chosenLayout);

    /**
     * @param supplier       the payment settings and contact details the document shows
     * @param template       what the PDF is rendered with
     * @param layout         its name for the distribution log: a standard layout's id or {@code custom:<templateName>}
     * @param emailTemplates the tenant's email texts for the kind of document, by ISO 639-1 language
     * @param senderAccount  the tenant's own SMTP account, with its password; empty: the system sender
     */
    record Resolved(SupplierSettings supplier, Template template, String layout, Map<String, EmailTemplate> emailTemplates,
                    Optional<SmtpAccount> senderAccount) {
    }

    /** The tenant's sender account cannot be used as stored; the message says why and never holds a secret. */
    final class SenderAccountUnusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SenderAccountUnusable(String message) {
            super(message);
        }
    }
}
