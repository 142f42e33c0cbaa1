package io.invoiceflow.streams.bounce;

/** Which key tied a bounce to its job, in the order they are tried. */
public enum CorrelatedBy {
    /** The token in the VERP address the bounce was sent to. */
    VERP,
    /** The DSN's {@code Original-Envelope-Id}. */
    ENVID,
    /** The {@code Message-ID} of the returned original message. */
    MESSAGE_ID,
    /** The {@code X-Invoiceflow-Job} header of the returned original message. */
    JOB_HEADER
}
