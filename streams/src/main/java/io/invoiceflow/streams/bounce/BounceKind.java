package io.invoiceflow.streams.bounce;

/** What kind of message arrived in the bounce mailbox. */
public enum BounceKind {
    /** An RFC 3464 delivery status notification ({@code message/delivery-status}). */
    DSN,
    /** An RFC 6533 internationalized DSN ({@code message/global-delivery-status}). */
    GLOBAL_DSN,
    /** A bounce without a machine-readable part (qmail, older Exim, Exchange, Gmail), read from its wording. */
    UNSTRUCTURED,
    /** An automatic reply (out of office, vacation): not a delivery report. */
    AUTO_REPLY,
    /** Anything else (not a delivery report). */
    OTHER;

    /** Whether this kind says something about delivery. */
    public boolean isDeliveryReport() {
        return this == DSN || this == GLOBAL_DSN || this == UNSTRUCTURED;
    }
}
