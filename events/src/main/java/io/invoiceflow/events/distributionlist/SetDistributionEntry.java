package io.invoiceflow.events.distributionlist;

import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

/**
 * Sends invoices to {@code customerNumber} to {@code email}: adds the entry, or changes its address.
 * {@code expectedVersion} (If-Match) is for changing an existing entry; with it, a missing entry is refused.
 * Handling it answers what it did ({@link Outcome}).
 */
public record SetDistributionEntry(TenantId tenantId, CustomerNumber customerNumber, String email,
                                   Long expectedVersion) implements DistributionListCommand {

    /** What setting an entry did. */
    public enum Outcome {
        /** The customer number had no entry: one was added. */
        ADDED,
        /** The entry's address was replaced. */
        CHANGED,
        /** The entry already had this address: nothing was recorded. */
        UNCHANGED
    }
}
