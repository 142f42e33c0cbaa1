package io.invoiceflow.events.settings;

import io.invoiceflow.events.shared.TenantId;

/** Remove a template (S3); refused while a default or a customer rule uses it. */
public record RemoveDocumentTemplate(TenantId tenantId, TemplateName templateName, Long expectedVersion)
        implements DistributionSettingsCommand {
}
