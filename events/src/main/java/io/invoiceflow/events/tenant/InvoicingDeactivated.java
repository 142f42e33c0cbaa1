package io.invoiceflow.events.tenant;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.TenantId;

/** The tenant deactivated invoicing (S1): invoicing commands are refused, orders still work. */
@EventRevision("1")
public record InvoicingDeactivated(TenantId tenantId, String reason) implements TenantEvent {
}
