package io.invoiceflow.streams.distribution;

/**
 * Why a distribution failed before any mail server was involved. All are permanent: nothing would
 * change by trying again. The mail transport's own codes are {@code MailError}; both sets are
 * explained in {@code docs/distribution-errors.md}.
 */
public enum DistributionError {
    /** No distribution list entry for the customer number, and no contact with an email address. */
    NO_RECIPIENT,
    /** The PDF could not be rendered (a broken custom template, an invoice the layout cannot show). */
    RENDER_FAILED,
    /** The order to send was not known to the distribution within its wait (an order older than the upgrade that taught it orders). */
    ORDER_UNKNOWN;

    public boolean isPermanent() {
        return true;
    }
}
