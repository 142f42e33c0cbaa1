package io.invoiceflow.events.customer;

import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;

import java.util.List;

/** A customer's details. {@code invoiceLanguage} is an ISO 639-1 code or null (the tenant's default applies). */
public record CustomerDetails(
        String name,
        String organisationNumber,
        String invoiceLanguage,
        String email,
        Address billingAddress,
        List<Contact> contacts) {
}
