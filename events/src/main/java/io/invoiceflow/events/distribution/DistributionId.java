package io.invoiceflow.events.distribution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.shared.InvoiceId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one distribution of a document: its recipients, attempts and outcome. A lower-case UUID. */
public record DistributionId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @JsonCreator
    public DistributionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainException.invalid("distributionId", "format", "distributionId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    /** The distribution that finalizing {@code invoice} starts: the same id every time, so a repeat is a duplicate. */
    public static DistributionId forFinalized(InvoiceId invoice) {
        return new DistributionId(UUID.nameUUIDFromBytes(("distribution/finalized/" + invoice.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** A fresh random id. */
    public static DistributionId random() {
        return new DistributionId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
