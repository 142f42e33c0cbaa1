package io.invoiceflow.events.shared;

import java.math.BigDecimal;

/**
 * A line as a client writes it. A catalogue line names a {@code productCode}; its description,
 * unit, unit price and VAT rate default to the product's. A custom line has no product code and
 * needs a description and a unit price. {@code vatRate} is a percentage such as {@code 25}.
 */
public record LineInput(
        ProductCode productCode,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        Discount discount,
        BigDecimal vatRate) {
}
