package io.invoiceflow.events.shared;

import java.math.BigDecimal;

/**
 * A discount per unit: an {@code AMOUNT} off the unit price (in the document's currency), or a
 * {@code PERCENT} (0-100) of the unit price.
 */
public record Discount(Type type, BigDecimal value) {
    public enum Type { AMOUNT, PERCENT }
}
