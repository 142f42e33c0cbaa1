package io.invoiceflow.events.shared;

import java.math.BigDecimal;

/** The sum of one VAT rate's lines: net, VAT on that net (rounded once), and gross. */
public record VatLine(BigDecimal rate, BigDecimal netAmount, BigDecimal vatAmount, BigDecimal grossAmount) {
}
