package io.invoiceflow.web.api;

/** A response body that is already JSON in the API's shape (a stored read model), written as it is. */
public record RawJson(byte[] json) {
}
