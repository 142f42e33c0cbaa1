package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/** Add or replace the email text of a kind of document in a language (S4); unknown merge fields are refused. */
public record SaveEmailTemplate(TenantId tenantId, DocumentType documentType, String language, String name,
                                String subject, String body, Long expectedVersion) implements DistributionSettingsCommand {
}
