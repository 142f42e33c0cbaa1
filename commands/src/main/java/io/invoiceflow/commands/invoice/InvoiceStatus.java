package io.invoiceflow.commands.invoice;

/** An invoice's lifecycle: DRAFT -> FINALIZED -> PAID / VOID / CREDITED. */
public enum InvoiceStatus { DRAFT, FINALIZED, PAID, VOID, CREDITED }
