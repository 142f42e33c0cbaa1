package io.invoiceflow.events.product;

import java.math.BigDecimal;

/** A catalogue product: name, unit (e.g. "pcs", "hours"), unit price in the tenant's currency, VAT rate in percent. */
public record ProductDetails(String name, String unit, BigDecimal unitPrice, BigDecimal vatRate) {
}
