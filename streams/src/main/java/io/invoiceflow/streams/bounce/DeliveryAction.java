package io.invoiceflow.streams.bounce;

import java.util.Locale;
import java.util.Optional;

/** The RFC 3464 {@code Action} of one recipient. */
public enum DeliveryAction {
    FAILED, DELAYED, DELIVERED, RELAYED, EXPANDED;

    static Optional<DeliveryAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int space = v.indexOf(' ');
        if (space > 0) {
            v = v.substring(0, space); // "failed (comment)"
        }
        for (DeliveryAction a : values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
