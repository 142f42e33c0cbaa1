package io.invoiceflow.events.order;

import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;

/** Draft invoice {@code invoiceId} from this order (an invoicing command: refused while invoicing is deactivated). */
public record InvoiceOrder(OrderId orderId, TenantId tenantId, InvoiceId invoiceId, PaymentTerms paymentTerms,
                           Long expectedVersion) implements OrderCommand {
    public InvoiceOrder(OrderId orderId, TenantId tenantId, InvoiceId invoiceId, PaymentTerms paymentTerms) {
        this(orderId, tenantId, invoiceId, paymentTerms, null);
    }
}
