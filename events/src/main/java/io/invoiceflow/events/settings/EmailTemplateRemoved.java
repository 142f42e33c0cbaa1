package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** S4: the email text for {@code documentType} in {@code language} was removed. */
@EventRevision("1")
public record EmailTemplateRemoved(TenantId tenantId, DocumentType documentType, String language)
        implements DistributionSettingsEvent {
}
