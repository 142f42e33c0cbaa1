package io.invoiceflow.events;

/**
 * Stable codes for every rule the write side can refuse. Clients and tests rely on the code,
 * never on the message. The web module maps each code to one HTTP status.
 */
public enum ErrorCode {
    /** A field is missing, malformed or out of range. */
    INVALID_INPUT,
    /** The addressed resource (tenant, invoice, order, customer, ...) does not exist for this tenant. */
    NOT_FOUND,
    /** A resource referenced from the request body (customer, product, line) does not exist. */
    UNKNOWN_REFERENCE,
    /** The resource already exists (duplicate id or number). */
    ALREADY_EXISTS,
    /** The tenant has invoicing deactivated (S1); orders are still allowed. */
    INVOICING_DEACTIVATED,
    /** The command is not allowed in the aggregate's current state. */
    ILLEGAL_STATE,
    /** The invoice lacks what finalization needs (at least one line, at least one contact). */
    INCOMPLETE_INVOICE,
    /** The client's expected version does not match the aggregate's version. */
    STALE_VERSION,
    /** The caller is authenticated but lacks the role for this action. */
    FORBIDDEN,
    /** No or an unknown credential. */
    UNAUTHENTICATED,
    /**
     * The read side cannot answer now: it is starting or rebalancing, or it has not yet reflected
     * the event the request asked to wait for. Retry after a moment.
     */
    READ_SIDE_UNAVAILABLE
}
