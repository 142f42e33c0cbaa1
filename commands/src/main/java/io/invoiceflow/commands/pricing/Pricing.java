package io.invoiceflow.commands.pricing;

import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Money;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one rounding rule, in one place:
 * <ol>
 *   <li>discounted unit price = unit price - amount discount, or unit price x (100 - percent) / 100,
 *       kept exact;</li>
 *   <li>line net = quantity x discounted unit price, rounded half up to the currency's minor unit;</li>
 *   <li>per VAT rate: net = sum of its line nets; VAT = net x rate / 100, rounded half up once per
 *       rate (never per line); gross = net + VAT;</li>
 *   <li>document net, VAT and gross are the sums over the rates.</li>
 * </ol>
 */
public final class Pricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    public static BigDecimal discountedUnitPrice(BigDecimal unitPrice, Discount discount) {
        if (discount == null || discount.value() == null || discount.value().signum() == 0) {
            return unitPrice;
        }
        return switch (discount.type()) {
            case AMOUNT -> unitPrice.subtract(discount.value());
            case PERCENT -> unitPrice.multiply(HUNDRED.subtract(discount.value())).movePointLeft(2);
        };
    }

    public static BigDecimal lineNet(BigDecimal quantity, BigDecimal unitPrice, Discount discount, int scale) {
        return quantity.multiply(discountedUnitPrice(unitPrice, discount)).setScale(scale, Money.ROUNDING);
    }

    public static Totals totals(List<Line> lines, int scale) {
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>(Comparator.reverseOrder());
        for (Line line : lines) {
            netByRate.merge(line.vatRate(), line.netAmount(), BigDecimal::add);
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        BigDecimal net = zero;
        BigDecimal vat = zero;
        List<VatLine> vatLines = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : netByRate.entrySet()) {
            BigDecimal rateNet = e.getValue().setScale(scale, Money.ROUNDING);
            BigDecimal rateVat = rateNet.multiply(e.getKey()).movePointLeft(2).setScale(scale, Money.ROUNDING);
            vatLines.add(new VatLine(e.getKey(), rateNet, rateVat, rateNet.add(rateVat)));
            net = net.add(rateNet);
            vat = vat.add(rateVat);
        }
        return new Totals(net, vat, net.add(vat), List.copyOf(vatLines));
    }
}
