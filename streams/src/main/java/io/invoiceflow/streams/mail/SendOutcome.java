package io.invoiceflow.streams.mail;

/**
 * What became of one send: {@link Accepted} by the server for every recipient,
 * {@link PartiallyAccepted} (some recipients refused; the others will get it),
 * {@link TemporaryFailure} (retry later with the same Message-ID) or {@link PermanentFailure}
 * (do not retry the same message). See {@code docs/adr/0141-partial-sends.md}.
 */
public sealed interface SendOutcome permits Accepted, PartiallyAccepted, TemporaryFailure, PermanentFailure {

    /** The Message-ID the message was (or would have been) sent with. */
    String messageId();
}
