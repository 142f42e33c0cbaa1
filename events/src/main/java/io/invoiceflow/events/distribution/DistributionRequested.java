package io.invoiceflow.events.distribution;

import io.invoiceflow.events.EventRevision;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;

/**
 * An invoice is to be distributed by email. {@code to} and {@code cc} are the addresses a user
 * gave; empty lists mean "route it": the distribution list entry of the customer number, else the
 * invoice's first contact, with the others in Cc.
 */
@EventRevision("1")
public record DistributionRequested(
        DistributionId distributionId,
        TenantId tenantId,
        InvoiceId invoiceId,
        DistributionTrigger trigger,
        List<String> to,
        List<String> cc) implements DistributionEvent {
}
