package io.invoiceflow.events.shared;

/** A person at a customer who receives invoices. The first contact of an invoice is its recipient. */
public record Contact(String name, String email, String phone) {
}
