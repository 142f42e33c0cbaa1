package io.invoiceflow.events.settings;

/**
 * Content kept outside the event (a logo, a stylesheet): the write side's content store holds it under its
 * SHA-256 ({@code sha256}, lower-case hex), with its media type and size in bytes.
 */
public record ContentRef(String sha256, String mediaType, long bytes) {
}
