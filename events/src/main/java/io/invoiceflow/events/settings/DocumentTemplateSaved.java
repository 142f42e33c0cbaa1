package io.invoiceflow.events.settings;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/**
 * S3: a template was added or replaced under {@code templateName}, after it rendered the sample documents. Its
 * logo and stylesheet are named by their SHA-256, not carried.
 */
@EventRevision("1")
public record DocumentTemplateSaved(TenantId tenantId, TemplateName templateName, DocumentTemplate template)
        implements DistributionSettingsEvent {
}
