package io.invoiceflow.events.shared;

/**
 * When payment is due, counted in days from the invoice date. {@code CUSTOM} takes its own
 * {@code days}; the other kinds fix them (a given value is ignored).
 */
public record PaymentTerms(Kind kind, Integer days) {
    public enum Kind {
        DUE_ON_RECEIPT(0), NET_10(10), NET_14(14), NET_30(30), NET_60(60), CUSTOM(-1);

        private final int days;

        Kind(int days) {
            this.days = days;
        }
    }

    public PaymentTerms {
        if (kind != null && kind != Kind.CUSTOM) {
            days = kind.days;
        }
    }

    public static PaymentTerms of(Kind kind) {
        return new PaymentTerms(kind, null);
    }
}
