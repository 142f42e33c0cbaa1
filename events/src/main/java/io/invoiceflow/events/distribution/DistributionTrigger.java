package io.invoiceflow.events.distribution;

/** What started a distribution. */
public enum DistributionTrigger {
    /** The invoice was finalized (sent automatically, P4). */
    FINALIZED,
    /** A user asked to send it ({@code POST .../send}, H11/H12; an order's confirmation too), possibly to other addresses. */
    SEND,
    /** A user re-sent a bounced distribution to another address (P7); the address is not saved to the list. */
    RESEND
}
