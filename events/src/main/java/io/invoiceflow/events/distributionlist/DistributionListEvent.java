package io.invoiceflow.events.distributionlist;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.CustomerNumber;

/**
 * Everything that happens to an entry of a tenant's distribution list (P1-P3): the email address that
 * invoices to one customer number are sent to. Aggregate id: {@code <tenantId>/distribution/<customerNumber>}.
 */
public sealed interface DistributionListEvent extends DomainEvent
        permits DistributionEntrySet, DistributionEntryRemoved {
    CustomerNumber customerNumber();
}
