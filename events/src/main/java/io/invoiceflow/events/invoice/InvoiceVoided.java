package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

/** A final invoice was voided; payment can no longer be collected. Irreversible. Its number stays used. */
@EventRevision("1")
public record InvoiceVoided(InvoiceId invoiceId, TenantId tenantId, String reason) implements InvoiceEvent {
}
