package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/** Remove the email text of a kind of document in a language (S4). */
public record RemoveEmailTemplate(TenantId tenantId, DocumentType documentType, String language, Long expectedVersion)
        implements DistributionSettingsCommand {
}
