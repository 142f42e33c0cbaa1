package io.invoiceflow.events.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency, always at the currency's scale (two decimals for NOK, SEK,
 * DKK and EUR). Arithmetic never silently loses precision: {@link #of} refuses an amount with more
 * decimals than the currency has, {@link #rounded} rounds explicitly with {@link #ROUNDING}.
 */
public record Money(BigDecimal amount, Currency currency) {
    /** The one rounding rule of the product: half up, to the currency's minor unit. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != scaleOf(currency)) {
            throw new IllegalArgumentException("amount " + amount + " is not at the scale of " + currency);
        }
    }

    /** The amount, which must already fit the currency's scale (trailing zeros are added). */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.UNNECESSARY), currency);
    }

    /** The amount rounded half up to the currency's minor unit. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(scaleOf(currency), ROUNDING), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(scaleOf(currency)), currency);
    }

    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
