package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** S3: a template was removed; no default and no customer rule used it. */
@EventRevision("1")
public record DocumentTemplateRemoved(TenantId tenantId, TemplateName templateName)
        implements DistributionSettingsEvent {
}
