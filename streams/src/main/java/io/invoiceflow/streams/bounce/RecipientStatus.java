package io.invoiceflow.streams.bounce;

import java.util.Optional;

/**
 * What a delivery report says about one recipient.
 *
 * @param recipient         the final recipient's address
 * @param originalRecipient the address as originally given ({@code Original-Recipient}), if reported
 * @param action            failed, delayed, delivered, relayed or expanded
 * @param status            the RFC 3463 status code ({@code 5.1.1}), if known
 * @param diagnostic        the remote server's text ({@code Diagnostic-Code}), if any
 * @param remoteMta         the server that reported the problem, if known
 */
public record RecipientStatus(String recipient, Optional<String> originalRecipient, DeliveryAction action,
                              Optional<String> status, Optional<String> diagnostic, Optional<String> remoteMta) {

    /** Delivery to this recipient failed for good (the reporting server gave up). */
    public boolean isPermanentFailure() {
        return action == DeliveryAction.FAILED;
    }

    /** Delivery is delayed; the reporting server keeps trying. */
    public boolean isTemporary() {
        return action == DeliveryAction.DELAYED;
    }
}
