package io.invoiceflow.events.invoice;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A final invoice was marked paid on {@code paymentDate}, for {@code amount} (its outstanding amount). Irreversible. */
@EventRevision("1")
public record InvoicePaid(InvoiceId invoiceId, TenantId tenantId, LocalDate paymentDate, BigDecimal amount, String currency)
        implements InvoiceEvent {
}
