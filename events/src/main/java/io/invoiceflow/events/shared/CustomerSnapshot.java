package io.invoiceflow.events.shared;

/**
 * The customer as it was when a document was drafted or changed. Documents copy it so that a later
 * change of the customer never rewrites an invoice.
 */
public record CustomerSnapshot(
        CustomerNumber customerNumber,
        String name,
        String organisationNumber,
        String email,
        Address billingAddress) {
}
