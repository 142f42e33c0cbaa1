package io.invoiceflow.projections.views;

import java.time.Instant;

/**
 * P7: an invoice whose last distribution bounced or failed for good; it leaves the list when a later
 * distribution of it is sent. {@code reason}: {@code BOUNCED} or {@code FAILED}; {@code detail} the
 * address and diagnostic, or the error.
 */
public record AttentionItem(String invoiceId, String number, String customerNumber, String customerName,
                            String distributionId, String reason, String errorCode, String detail, Instant since) {
}
