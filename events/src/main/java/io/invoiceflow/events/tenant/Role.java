package io.invoiceflow.events.tenant;

/**
 * What a user may do. {@code ADMIN}: everything in the tenant, including users and settings;
 * {@code ACCOUNTANT}: customers, products, orders and invoices; {@code SALES}: customers and orders,
 * no invoicing; {@code AUDITOR}: read only.
 */
public enum Role { ADMIN, ACCOUNTANT, SALES, AUDITOR }
