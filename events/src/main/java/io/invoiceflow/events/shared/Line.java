package io.invoiceflow.events.shared;

import java.math.BigDecimal;

/**
 * A priced line of an order, invoice or credit note, numbered from 1. {@code netAmount} is
 * quantity times discounted unit price, rounded half up to the currency's minor unit; VAT is
 * computed per rate on the sum of net amounts (see {@link Totals}).
 */
public record Line(
        int lineNo,
        ProductCode productCode,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        Discount discount,
        BigDecimal vatRate,
        BigDecimal netAmount) {
}
