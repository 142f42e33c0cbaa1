package io.invoiceflow.events.tenant;

/** A document number series: numbers are {@code prefix} + a sequence starting at {@code startNumber}. */
public record NumberSeries(String prefix, long startNumber) {
}
