package io.invoiceflow.events.customer;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.CustomerNumber;

/** Everything that happens to a customer. Aggregate id: {@code <tenantId>/customer/<customerNumber>}. */
public sealed interface CustomerEvent extends DomainEvent permits CustomerRegistered, CustomerChanged {
    CustomerNumber customerNumber();
}
