package io.invoiceflow.events.invoice;

/**
 * Where a draft came from: written from scratch, from an order ({@code sourceId} is the order
 * id) or as a clone ({@code sourceId} is the original invoice id).
 */
public record InvoiceOrigin(Kind kind, String sourceId) {
    public enum Kind { SCRATCH, ORDER, CLONE }

    public static InvoiceOrigin scratch() {
        return new InvoiceOrigin(Kind.SCRATCH, null);
    }
}
