package io.invoiceflow.events.tenant;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** The tenant activated invoicing again. */
@EventRevision("1")
public record InvoicingActivated(TenantId tenantId) implements TenantEvent {
}
