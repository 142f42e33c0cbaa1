package io.invoiceflow.web.api;

/** A view with the version (aggregate sequence number) it reflects; served as the ETag. */
public record Versioned<T>(T view, long version) {
}
