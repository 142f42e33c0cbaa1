package io.invoiceflow.events.shared;

import java.math.BigDecimal;
import java.util.List;

/** A document's totals: one {@link VatLine} per VAT rate (highest rate first) and their sums. */
public record Totals(BigDecimal netAmount, BigDecimal vatAmount, BigDecimal grossAmount, List<VatLine> vat) {
}
