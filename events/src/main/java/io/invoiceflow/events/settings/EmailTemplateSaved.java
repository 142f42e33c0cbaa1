package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/**
 * S4: the email text for {@code documentType} in {@code language} (ISO 639-1) was added or replaced: a
 * {@code name} for the tenant, a one-line {@code subject} and a plain-text {@code body} whose merge fields are all
 * known.
 */
@EventRevision("1")
public record EmailTemplateSaved(TenantId tenantId, DocumentType documentType, String language, String name,
                                 String subject, String body) implements DistributionSettingsEvent {
}
