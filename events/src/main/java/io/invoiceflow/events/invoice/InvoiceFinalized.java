package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A draft became a final invoice and got its number: {@code number} is the tenant's prefix plus
 * {@code sequence}, gap-free per tenant. From now on it cannot be edited or deleted.
 */
@EventRevision("1")
public record InvoiceFinalized(
        InvoiceId invoiceId,
        TenantId tenantId,
        String number,
        long sequence,
        LocalDate invoiceDate,
        LocalDate dueDate,
        String currency,
        Totals totals,
        Instant finalizedAt) implements InvoiceEvent {
}
