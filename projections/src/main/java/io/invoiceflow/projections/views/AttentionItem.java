package io.invoiceflow.projections.views;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * P7: an invoice, or an order whose confirmation was sent, whose last distribution bounced or failed for good; it
 * leaves the list when a later distribution of it is sent. An invoice's entry has {@code invoiceId} and no
 * {@code orderId}; an order's has {@code orderId} and no {@code invoiceId}, and its {@code number} is the order's
 * (the first eight characters of its id, upper case). {@code reason}: {@code BOUNCED} or {@code FAILED};
 * {@code detail} the address and diagnostic, or the error.
 */
public record AttentionItem(@JsonInclude(JsonInclude.Include.NON_NULL) String invoiceId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String orderId, String number,
                            String customerNumber, String customerName, String distributionId, String reason,
                            String errorCode, String detail, Instant since) {
}
